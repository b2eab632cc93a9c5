// Decodes a shared link off the main thread (issue 14): base64, a capped inflate, JSON and the schema of
// up to 2 MiB of text take long enough on a slow phone to freeze the page, so the page only hands the
// fragment over and waits (with a time limit) for the typed result. One fragment per worker: the page
// terminates it after the answer.
import { decodePermalink } from "../permalink/codec";

self.onmessage = (event: MessageEvent<string>) => {
  self.postMessage(decodePermalink(event.data));
};
