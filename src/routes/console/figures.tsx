import type { Hono } from "hono";
import type { ConsoleEnv } from "./session.js";

export function registerFigures(console: Hono<ConsoleEnv>) {
  void console;
}
