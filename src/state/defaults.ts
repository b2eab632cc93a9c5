// What a first visit shows: the Flask example, so the chart and the steps have something to say before
// the user pastes anything.
import { FLASK_FAT, type Example } from "../examples/index";

export const DEFAULT_EXAMPLE: Example = FLASK_FAT;
/** The requirements file every project gets an editor for. */
export const REQUIREMENTS_PATH = "requirements.txt";
