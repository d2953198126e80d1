// Pages that only say something: a refusal, an error. The sign-in pages are in sign-in.tsx.
// Signed in, the page keeps the console's navigation, so that no refusal is a dead end.
import { Notice } from "../components.js";
import { ConsoleLayout, PlainConsoleLayout, type ConsoleChrome, type PageLanguage } from "./layout.js";
import { consoleStrings } from "./strings/index.js";

export function ConsoleMessagePage({ title, text, page, chrome, back = "/console" }: { title: string; text: string; page: PageLanguage; chrome?: ConsoleChrome; back?: string }) {
  const body = (
    <>
      <Notice tone="error">
        <p>{text}</p>
      </Notice>
      <p>
        <a href={back}>{consoleStrings[page.lang].backToConsole}</a>
      </p>
    </>
  );
  return chrome ? (
    <ConsoleLayout title={title} chrome={chrome}>
      {body}
    </ConsoleLayout>
  ) : (
    <PlainConsoleLayout title={title} page={page}>
      {body}
    </PlainConsoleLayout>
  );
}
