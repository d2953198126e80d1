// One small stylesheet, inlined in every page: no extra request on a slow connection, and the
// whole page with its CSS stays far under 30 KB. Mobile first; 320 px wide is the narrowest
// screen it must fit, and every control is at least 48 px tall (tap targets of 44 px or more).
export const css = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f3f3f0;color:#1b1b1b;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}
header{display:flex;justify-content:flex-end;padding:.25rem .5rem;background:#fff;border-bottom:1px solid #d6d6d0}
main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 1rem}
h2{font-size:1.2rem;line-height:1.3;margin:1.25rem 0 .5rem}
p{margin:0 0 .75rem}
a{color:#0a4d99}
ul{margin:.25rem 0 .75rem;padding-left:1.25rem}
li{margin:.25rem 0}
.card{background:#fff;border:1px solid #d6d6d0;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.card>h2:first-child{margin-top:0}
.big{font-size:1.3rem;font-weight:700;line-height:1.35}
dl{margin:0}
dt{font-weight:700;margin-top:.75rem}
dt:first-child{margin-top:0}
dd{margin:0}
.badge{display:inline-block;padding:.1rem .75rem;border-radius:1rem;background:#e6e6e1;font-weight:700}
.badge.confirmed{background:#dcefe2}
.badge.cancelled{background:#f8e0de}
.btn{display:flex;align-items:center;justify-content:center;width:100%;min-height:3rem;margin:.5rem 0;padding:.5rem 1rem;border:2px solid #0a4d99;border-radius:.5rem;background:#0a4d99;color:#fff;font:inherit;font-weight:700;line-height:1.25;text-align:center;text-decoration:none;cursor:pointer}
.btn.secondary{background:#fff;color:#0a4d99}
.btn.danger{background:#a3161b;border-color:#a3161b}
a:focus-visible,.btn:focus-visible,input:focus-visible{outline:3px solid #e89b00;outline-offset:2px}
form{margin:0}
.notice{margin:0 0 1rem;padding:.75rem 1rem;border-left:.4rem solid #0a4d99;border-radius:.25rem;background:#e7eff9}
.notice.ok{border-color:#1c7a3b;background:#e3f3e8}
.notice.error{border-color:#a3161b;background:#fbe9e7}
.notice p:last-child{margin:0}
.muted{color:#4f4f4f}
.tap{display:inline-flex;align-items:center;min-height:2.75rem;min-width:2.75rem}
.langs{display:flex;flex-wrap:wrap;gap:.25rem;margin:0;padding:0;list-style:none}
.langs li{margin:0}
.langs a{display:inline-flex;align-items:center;min-height:2.75rem;padding:0 .4rem;font-size:1rem}
.langs a[aria-current]{color:#1b1b1b;font-weight:700;text-decoration:none}
fieldset{min-width:0;margin:0 0 1rem;padding:0;border:0}
legend{padding:0;margin:0 0 .5rem;font-weight:700}
.times{display:grid;grid-template-columns:repeat(auto-fill,minmax(6rem,1fr));gap:.5rem}
.times label{display:flex;align-items:center;gap:.5rem;min-height:3rem;padding:0 .6rem;white-space:nowrap;overflow-wrap:normal;border:2px solid #0a4d99;border-radius:.5rem;background:#fff;font-weight:700;cursor:pointer}
.times input{width:1.25rem;height:1.25rem;margin:0;accent-color:#0a4d99}
.times label:has(input:checked){background:#e7eff9}
.pager{display:flex;flex-wrap:wrap;gap:.5rem}
.pager .btn{flex:1 1 9rem;width:auto}
`.replace(/\n/g, "");
