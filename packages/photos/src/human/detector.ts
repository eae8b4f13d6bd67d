import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Config, Human } from "@vladmandic/human";
import type { FaceBox, FaceDetector, RgbImage } from "../face-detector.js";
import { fileModelRouter } from "./model-files.js";

/** Below this BlazeFace finds "faces" in wallpaper and knitwear. */
const MIN_CONFIDENCE = 0.5;
const MAX_FACES = 10;

const require = createRequire(import.meta.url);

/** Everything but BlazeFace off: the crop needs boxes, nothing more. */
function humanConfig(): Partial<Config> {
  // The package's exports hide its Node wasm build and its models folder;
  // both sit beside the main entry, so they are found from there.
  const dist = dirname(require.resolve("@vladmandic/human"));
  const wasm = dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
  const off = { enabled: false };
  return {
    backend: "wasm",
    wasmPath: `${wasm}/`,
    modelBasePath: pathToFileURL(`${join(dist, "..", "models")}/`).href,
    debug: false,
    async: true,
    warmup: "none",
    cacheSensitivity: 0,
    filter: { ...off },
    face: {
      enabled: true,
      detector: {
        enabled: true,
        rotation: false,
        maxDetected: MAX_FACES,
        minConfidence: MIN_CONFIDENCE,
        iouThreshold: 0.1,
        return: false,
      },
      mesh: { ...off },
      iris: { ...off },
      description: { ...off },
      emotion: { ...off },
      antispoof: { ...off },
      liveness: { ...off },
      attention: { ...off },
      gear: { ...off },
    } as Config["face"],
    body: { ...off } as Config["body"],
    hand: { ...off } as Config["hand"],
    object: { ...off } as Config["object"],
    gesture: { ...off },
    segmentation: { ...off } as Config["segmentation"],
  };
}

let loading: Promise<FaceDetector> | undefined;

/**
 * The bundled BlazeFace model on tfjs's wasm backend, loaded once per
 * process from the package's own files. Rejects unless the backend really
 * is wasm and the model really loaded: both fail silently otherwise.
 */
export function loadFaceDetector(): Promise<FaceDetector> {
  loading ??= createDetector().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function createDetector(): Promise<FaceDetector> {
  // The wasm build requires the tfjs packages without declaring them; it
  // finds this package's copies only through pnpm's hoisted folder. A
  // container image must keep that layout (or install them flat).
  const dist = dirname(require.resolve("@vladmandic/human"));
  const { Human: HumanClass } = require(join(dist, "human.node-wasm.js")) as {
    Human: new (config: Partial<Config>) => Human;
  };
  const human = new HumanClass(humanConfig());
  human.tf.io.registerLoadRouter(fileModelRouter);
  await human.load();
  await human.tf.ready();
  const backend = human.tf.getBackend();
  if (backend !== "wasm") {
    throw new Error(
      `The face detector runs on the "${backend}" tfjs backend, not wasm; ` +
        "the wasm files were not found.",
    );
  }
  const model = (human.models.models as Record<string, unknown>).blazeface;
  if (!model) {
    throw new Error("The face detector's BlazeFace model did not load.");
  }
  return { detect: (image) => detectFaces(human, image) };
}

/**
 * BlazeFace expects a square: a tall photo is letterboxed with black
 * bars, and the boxes are mapped back and clamped to the image.
 */
async function detectFaces(human: Human, image: RgbImage): Promise<FaceBox[]> {
  const side = Math.max(image.width, image.height);
  const padX = Math.floor((side - image.width) / 2);
  const padY = Math.floor((side - image.height) / 2);
  const tf = human.tf;
  const square = tf.tidy(() =>
    tf.pad(tf.tensor3d(image.data, [image.height, image.width, 3], "int32"), [
      [padY, side - image.height - padY],
      [padX, side - image.width - padX],
      [0, 0],
    ]),
  );
  try {
    const result = await human.detect(square);
    if ("error" in result && result.error) {
      throw new Error(`Face detection failed: ${result.error}`);
    }
    return result.face.map((face) => {
      const [x, y, w, h] = face.box;
      const left = clamp(x - padX, 0, image.width);
      const top = clamp(y - padY, 0, image.height);
      return {
        left,
        top,
        width: clamp(x - padX + w, 0, image.width) - left,
        height: clamp(y - padY + h, 0, image.height) - top,
        score: face.boxScore ?? face.score,
      };
    });
  } finally {
    square.dispose();
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
