// Pages that only say something: a refusal, an error. The sign-in pages are in sign-in.tsx.
import { Notice } from "../components.js";
import { PlainConsoleLayout, type PageLanguage } from "./layout.js";
import { consoleStrings } from "./strings/index.js";

export function ConsoleMessagePage({ title, text, page, back = "/console" }: { title: string; text: string; page: PageLanguage; back?: string }) {
  return (
    <PlainConsoleLayout title={title} page={page}>
      <Notice tone="error">
        <p>{text}</p>
      </Notice>
      <p>
        <a href={back}>{consoleStrings[page.lang].backToConsole}</a>
      </p>
    </PlainConsoleLayout>
  );
}
