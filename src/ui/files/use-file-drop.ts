// Dropping files or a folder anywhere on the page: the page shows it will take them, then reads them
// (ui/files/read-files.ts) into the project. Drags that carry no files (text, links) are left alone.
import { useState, type DragEvent } from "react";
import { importPicked } from "./import-files";
import { pickedFromDataTransfer } from "./read-files";

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes("Files");
}

export function useFileDrop() {
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        setDragging(true);
      },
      onDragLeave: (event: DragEvent) => {
        // Leaving a child for another child is not leaving the page.
        if (event.relatedTarget === null || !(event.currentTarget as Node).contains(event.relatedTarget as Node)) setDragging(false);
      },
      onDrop: (event: DragEvent) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        void pickedFromDataTransfer(event.dataTransfer).then(importPicked);
      },
    },
  };
}
