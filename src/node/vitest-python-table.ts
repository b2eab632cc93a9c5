// Vitest setup file: every test file sees the wheel table installed, as the CLI and the worker do.
// A test of the fallback path calls uninstallPythonTable() (and re-installs after).
import { loadPythonTable } from "./load-python-table";

const result = loadPythonTable();
if (!result.ok) throw new Error(result.error);
