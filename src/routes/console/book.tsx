import type { Hono } from "hono";
import type { ConsoleEnv } from "./session.js";

export function registerBook(console: Hono<ConsoleEnv>) {
  void console;
}
