// The frame of every applicant page: the shared layout with the language switcher on top.
import type { Child } from "hono/jsx";
import { Layout } from "../layout.js";
import { LanguageSwitcher, Notice } from "../components.js";
import type { Message, Nav } from "./model.js";

export function Shell({ nav, title, message, children }: { nav: Nav; title: string; message?: Message | null; children?: Child }) {
  return (
    <Layout lang={nav.lang} title={title} header={<LanguageSwitcher current={nav.lang} label={nav.s.languageNav} hrefFor={nav.switchTo} />}>
      <h1>{title}</h1>
      {message ? (
        <Notice tone={message.tone}>
          <p>{message.text}</p>
        </Notice>
      ) : null}
      {children}
    </Layout>
  );
}
