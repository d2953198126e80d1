import type { Hono } from "hono";
import type { ConsoleEnv } from "./session.js";

export function registerQueue(console: Hono<ConsoleEnv>) {
  void console;
}
