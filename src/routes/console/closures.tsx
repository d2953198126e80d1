import type { Hono } from "hono";
import type { ConsoleEnv } from "./session.js";

export function registerClosures(console: Hono<ConsoleEnv>) {
  void console;
}
