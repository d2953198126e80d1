// The page shell every server-rendered page shares (the applicant pages
// and the staff console): language, viewport, inline styles, an optional header bar, and one <main>.
import type { Child } from "hono/jsx";
import { css } from "./styles.js";

export interface LayoutProps {
  lang: string;
  title: string;
  /** Shown in a bar above the content, e.g. the language switcher. */
  header?: Child;
  /** The stylesheet; the applicant pages' by default. */
  styles?: string;
  children?: Child;
}

export function Layout({ lang, title, header, styles = css, children }: LayoutProps) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{title}</title>
        {/* No favicon request: one round trip less on a slow connection. */}
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body>
        {header ? <header>{header}</header> : null}
        <main>{children}</main>
      </body>
    </html>
  );
}
