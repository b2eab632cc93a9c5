// Python packages that an image the tables do not weigh already holds: the framework images install their
// framework into the Python on PATH, so `pip install torch` on pytorch/pytorch finds it there ("Requirement
// already satisfied") and adds nothing. Their bytes are the base image's, which the tables do not hold.

interface ImagePackages {
  readonly image: RegExp;
  readonly packages: (tag: string) => readonly string[];
  readonly why: string;
}

const IMAGES: readonly ImagePackages[] = [
  {
    image: /^(?:docker\.io\/)?pytorch\/pytorch$/,
    packages: () => ["torch", "torchvision", "torchaudio"],
    why: "pytorch/pytorch's images install torch, torchvision and torchaudio into the conda Python on PATH (pytorch/pytorch, Dockerfile)",
  },
  {
    image: /^(?:docker\.io\/)?tensorflow\/tensorflow$/,
    // TensorFlow 1.x published its GPU build as tensorflow-gpu, and those images held that.
    packages: (tag) => (/^1\./.test(tag) && tag.includes("gpu") ? ["tensorflow-gpu"] : ["tensorflow"]),
    why: "tensorflow/tensorflow's images pip-install TensorFlow into the Python on PATH (tensorflow/tensorflow, tensorflow/tools/dockerfiles)",
  },
];

/** The Python packages `image:tag` ships, with the reason; null for an image not listed. */
export function imagePythonPackages(image: string, tag: string | null): { readonly packages: readonly string[]; readonly why: string } | null {
  const entry = IMAGES.find((e) => e.image.test(image));
  return entry === undefined ? null : { packages: entry.packages(tag ?? "latest"), why: entry.why };
}
