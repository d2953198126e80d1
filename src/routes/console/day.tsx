import type { Hono } from "hono";
import type { ConsoleEnv } from "./session.js";

export function registerDay(console: Hono<ConsoleEnv>) {
  void console;
}
