/**
 * Weight tables. Training uses a dense averaged perceptron over hashed feature rows; what ships is the averaged
 * table with small weights dropped and the rest quantized, stored as (delta index, value) varints, gzipped.
 * At run time the table stays sparse (row → its nonzero classes), which is smaller and, since most rows keep
 * only a few classes, faster to score than a dense one.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** Something that adds up the weights of a set of feature rows for every class. */
export interface Scorer {
  readonly classes: number;
  score(rows: Int32Array, count: number, out: Float32Array): void;
}

/** What the model file says besides the weights. */
export interface ModelHeader {
  format: 'readout-parser/1';
  rowBits: number;
  classes: number;
  labels: string[];
  leftLabels: number[];
  rightLabels: number[];
  /** Quantization step: weight = step × stored integer. */
  step: number;
  nonzero: number;
  trainedOn: string;
  dev?: { uas: number; las: number };
}

/** Averaged perceptron (Collins 2002) with the lazy trick: avg = w − u / c, where u sums c × update. */
export class TrainingWeights implements Scorer {
  readonly w: Float32Array;
  readonly u: Float32Array;
  /** Number of instances seen so far (the averaging clock). */
  c = 1;
  constructor(
    readonly rowBits: number,
    readonly classes: number,
  ) {
    this.w = new Float32Array((1 << rowBits) * classes);
    this.u = new Float32Array((1 << rowBits) * classes);
  }

  score(rows: Int32Array, count: number, out: Float32Array): void {
    const C = this.classes;
    const w = this.w;
    out.fill(0, 0, C);
    for (let i = 0; i < count; i++) {
      const base = rows[i]! * C;
      for (let k = 0; k < C; k++) out[k]! += w[base + k]!;
    }
  }

  update(rows: Int32Array, count: number, cls: number, delta: number): void {
    const C = this.classes;
    const cd = this.c * delta;
    for (let i = 0; i < count; i++) {
      const idx = rows[i]! * C + cls;
      this.w[idx]! += delta;
      this.u[idx]! += cd;
    }
  }

  /**
   * The averaged weights, pruned to about `keep` nonzero weights (the largest in magnitude) and quantized, as
   * the bytes of a model file.
   */
  export(header: Omit<ModelHeader, 'format' | 'rowBits' | 'classes' | 'step' | 'nonzero'>, keep: number): Buffer {
    const { w, u, c } = this;
    const total = w.length;
    // threshold from a sample of the nonzero averaged weights
    const sample: number[] = [];
    let nonzero = 0;
    for (let i = 0; i < total; i++) if (w[i] !== 0 || u[i] !== 0) nonzero++;
    const every = Math.max(1, Math.floor(nonzero / 400_000));
    let seen = 0;
    for (let i = 0; i < total; i++) {
      if (w[i] === 0 && u[i] === 0) continue;
      if (seen++ % every === 0) sample.push(Math.abs(w[i]! - u[i]! / c));
    }
    sample.sort((a, b) => a - b);
    const threshold = nonzero <= keep ? 1e-9 : sample[Math.floor(sample.length * (1 - keep / nonzero))] ?? 0;
    // a weight just above the threshold keeps two bits of precision; larger ones relatively more
    const step = Math.max(threshold / 4, 1e-6);
    const bytes: number[] = [];
    const varint = (v: number) => {
      while (v >= 0x80) {
        bytes.push((v & 0x7f) | 0x80);
        v = Math.floor(v / 128);
      }
      bytes.push(v);
    };
    let last = 0;
    let kept = 0;
    for (let i = 0; i < total; i++) {
      if (w[i] === 0 && u[i] === 0) continue;
      const a = w[i]! - u[i]! / c;
      if (Math.abs(a) < threshold) continue;
      const q = Math.round(a / step);
      if (q === 0) continue;
      varint(i - last);
      varint(q < 0 ? -2 * q - 1 : 2 * q);
      last = i;
      kept++;
    }
    const full: ModelHeader = { format: 'readout-parser/1', rowBits: this.rowBits, classes: this.classes, step, nonzero: kept, ...header };
    const json = Buffer.from(JSON.stringify(full), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length);
    return gzipSync(Buffer.concat([len, json, Buffer.from(bytes)]), { level: 9 });
  }
}

/** The shipped weights: for each row the classes it has a weight for. */
export class SparseWeights implements Scorer {
  readonly classes: number;
  private constructor(
    readonly header: ModelHeader,
    private readonly rowStart: Uint32Array,
    private readonly cls: Uint8Array,
    private readonly val: Float32Array,
  ) {
    this.classes = header.classes;
  }

  static read(file: Buffer): SparseWeights {
    const raw = gunzipSync(file);
    const len = raw.readUInt32LE(0);
    const header = JSON.parse(raw.subarray(4, 4 + len).toString('utf8')) as ModelHeader;
    if (header.format !== 'readout-parser/1') throw new Error(`unknown parser model format ${String(header.format)}`);
    const C = header.classes;
    const rows = 1 << header.rowBits;
    const rowStart = new Uint32Array(rows + 1);
    const cls = new Uint8Array(header.nonzero);
    const val = new Float32Array(header.nonzero);
    let pos = 4 + len;
    let index = 0;
    let row = 0;
    for (let j = 0; j < header.nonzero; j++) {
      let v = 0;
      let mul = 1;
      let byte: number;
      do {
        byte = raw[pos++]!;
        v += (byte & 0x7f) * mul;
        mul *= 128;
      } while (byte & 0x80);
      index += v;
      let q = 0;
      mul = 1;
      do {
        byte = raw[pos++]!;
        q += (byte & 0x7f) * mul;
        mul *= 128;
      } while (byte & 0x80);
      const r = Math.floor(index / C);
      while (row < r) rowStart[++row] = j;
      cls[j] = index - r * C;
      val[j] = (q & 1 ? -(q + 1) / 2 : q / 2) * header.step;
    }
    while (row < rows) rowStart[++row] = header.nonzero;
    return new SparseWeights(header, rowStart, cls, val);
  }

  score(rows: Int32Array, count: number, out: Float32Array): void {
    out.fill(0, 0, this.classes);
    const { rowStart, cls, val } = this;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      const end = rowStart[r + 1]!;
      for (let j = rowStart[r]!; j < end; j++) out[cls[j]!]! += val[j]!;
    }
  }
}
