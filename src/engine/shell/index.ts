export { splitCommands } from "./split";
export { recogniseCommand } from "./recognise";
export type { CommandInfo, PipInstall, PipOptions, WordArg } from "./command-info";
export type { Connector, ShellAssignment, ShellCommand, ShellProblem, ShellSource, ShellWord, SplitResult } from "./types";
