// The console's stylesheet: the applicant pages' base, made for a desk screen (1280 px wide,
// a mouse) and for printing an appointment slip (alone: the slip page's title stays on screen).
// On a phone (up to 40rem) the tables become one card per row, each value after its column's
// name (data-label), and buttons are 44 px tap targets: no sideways scrolling at 360 px.
// Still one inline stylesheet, no requests, and no style attributes in the pages.
import { css } from "../styles.js";

export const consoleCss =
  css +
  `
body{font-size:1rem}
header{justify-content:space-between;align-items:center;gap:1rem;padding:.25rem 1rem}
header nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0;list-style:none}
header nav li{margin:0}
header nav a{display:inline-flex;align-items:center;min-height:2.5rem;font-weight:700}
header nav a[aria-current]{color:#1b1b1b;text-decoration:none;border-bottom:3px solid #0a4d99}
.who{display:flex;align-items:center;gap:.75rem}
main{max-width:78rem;padding:1rem 1.5rem}
.btn{display:inline-flex;width:auto;min-height:2.5rem;margin:.25rem .25rem .25rem 0;padding:.25rem .9rem}
.btn.small{min-height:2.25rem;padding:.1rem .6rem;font-size:.95rem}
table{width:100%;border-collapse:collapse;background:#fff;margin:0 0 1rem;overflow-wrap:normal}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{padding:.4rem .6rem;border-bottom:1px solid #d6d6d0;text-align:left;vertical-align:top}
th{background:#ecece7;font-weight:700}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td form{display:inline}
label{display:block;font-weight:700;margin:.5rem 0 .25rem}
input[type=text],input[type=password],input[type=date],input[type=datetime-local],input[type=search],select,textarea{font:inherit;padding:.4rem .5rem;border:1px solid #8a8a85;border-radius:.25rem;background:#fff;min-height:2.5rem;max-width:100%}
textarea{width:100%;min-height:4rem}
select:focus-visible,textarea:focus-visible{outline:3px solid #e89b00;outline-offset:2px}
.row{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.5rem 1rem;margin:0 0 1rem}
.row label{margin-top:0}
.grow{flex:1 1 24rem}
.grow input{width:100%}
.actions{display:flex;flex-wrap:wrap;gap:.25rem}
.nowrap{white-space:nowrap}
.pager .btn{flex:0 0 auto}
.pager{margin-top:1rem}
.choices a{margin-right:1rem}
table.details{max-width:48rem}
table.details th{width:14rem}
tr.cancelled{color:#6b6b6b}
.slot{padding:.25rem 0;border-top:1px solid #d6d6d0}
.chart{margin:0 0 1rem}
.chart svg{max-width:100%;height:auto;background:#fff}
.days{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem}
.days section{background:#fff;border:1px solid #d6d6d0;border-radius:.5rem;padding:.75rem}
.days h3{margin:0 0 .5rem;font-size:1rem}
.badge.checked_in,.badge.completed{background:#dcefe2}
.badge.no_show,.badge.warn{background:#fde7c2}
.badge.late{background:#f8d7d3}
.flag{color:#a3161b}
fieldset.set{margin:0 0 1.25rem}
fieldset.set legend{font-size:1.15rem;font-weight:700;margin:.5rem 0}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:0 1.5rem}
.grid input[type=text]{width:100%}
.slip{max-width:24rem;border:2px dashed #8a8a85;background:#fff;padding:1rem 1.5rem}
.slip .number{font-size:3rem;font-weight:800;line-height:1.1}
@media (max-width:40rem){header{flex-wrap:wrap;padding:.25rem .5rem}.who{flex-wrap:wrap;gap:0 .5rem}main{padding:.75rem}.btn,.btn.small{min-height:2.75rem}.grow{flex-basis:100%}
main table:not(.details),main table:not(.details)>tbody,main table:not(.details) tr,main table:not(.details) td,main table:not(.details) tbody th{display:block;width:auto}
main table:not(.details)>thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
main table:not(.details){background:none;overflow-wrap:anywhere}
main table:not(.details) tr{margin:0 0 .75rem;padding:.5rem .75rem;border:1px solid #d6d6d0;border-radius:.5rem;background:#fff}
main table:not(.details) td{padding:.2rem 0;border:0;text-align:left}
main table:not(.details) td[data-label]::before{content:attr(data-label) ": ";font-weight:700}
main table:not(.details) tbody th[scope=rowgroup]{margin:.5rem 0;border:0;border-radius:.25rem}
main table:not(.details) tbody tr:has(>th[scope=rowgroup]){padding:0;border:0;background:none}}
@media print{header,.no-print{display:none}body{background:#fff}main{padding:0}.slip{border:0}main:has(.slip)>h1{display:none}}
`.replace(/\n/g, "");
