// Vitest setup file: every test file's engine can load the Debian release tables from disk, on first use
// (see load-tables.ts), so files that never weigh an apt install do not parse them.
import { registerDebianTablesFromDisk } from "./load-tables";

registerDebianTablesFromDisk();
