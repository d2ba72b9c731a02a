/**
 * Weight tables. Training uses a dense averaged perceptron over hashed feature rows; what ships is the averaged
 * table with small weights dropped and the rest quantized to one byte on a log scale, stored column-wise
 * (row gaps, classes per row, class ids, values) so that gzip finds each kind of byte together.
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
  format: 'readout-parser/2';
  rowBits: number;
  classes: number;
  labels: string[];
  leftLabels: number[];
  rightLabels: number[];
  /** Quantization: a stored magnitude q (0–127) means min × ratio^q; bit 7 is the sign. */
  min: number;
  ratio: number;
  nonzero: number;
  /** Rows with at least one weight. */
  rows: number;
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
  export(header: Omit<ModelHeader, 'format' | 'rowBits' | 'classes' | 'min' | 'ratio' | 'nonzero' | 'rows'>, keep: number): Buffer {
    const { w, u, c, classes: C } = this;
    const total = w.length;
    // threshold from a sample of the nonzero averaged weights
    let nonzero = 0;
    let max = 0;
    for (let i = 0; i < total; i++) {
      if (w[i] === 0 && u[i] === 0) continue;
      nonzero++;
      const a = Math.abs(w[i]! - u[i]! / c);
      if (a > max) max = a;
    }
    const every = Math.max(1, Math.floor(nonzero / 400_000));
    const sample: number[] = [];
    let seen = 0;
    for (let i = 0; i < total; i++) {
      if (w[i] === 0 && u[i] === 0) continue;
      if (seen++ % every === 0) sample.push(Math.abs(w[i]! - u[i]! / c));
    }
    sample.sort((a, b) => a - b);
    const min = Math.max(1e-6, nonzero <= keep ? (sample.find((x) => x > 0) ?? 1e-6) : sample[Math.floor(sample.length * (1 - keep / nonzero))] ?? 1e-6);
    // magnitudes on a log scale from min to max in 127 steps: a few percent error wherever the weight lies
    const ratio = Math.pow(Math.max(max, min * 2) / min, 1 / 127);
    const logRatio = Math.log(ratio);
    const rowGaps: number[] = [];
    const counts: number[] = [];
    const cls: number[] = [];
    const vals: number[] = [];
    let lastRow = -1;
    const rows = total / C;
    for (let r = 0; r < rows; r++) {
      let n = 0;
      for (let k = 0, i = r * C; k < C; k++, i++) {
        if (w[i] === 0 && u[i] === 0) continue;
        const a = w[i]! - u[i]! / c;
        const m = Math.abs(a);
        if (m < min) continue;
        const q = Math.min(127, Math.round(Math.log(m / min) / logRatio));
        cls.push(k);
        vals.push(q | (a < 0 ? 128 : 0));
        n++;
      }
      if (!n) continue;
      let gap = r - lastRow;
      lastRow = r;
      while (gap >= 0x80) {
        rowGaps.push((gap & 0x7f) | 0x80);
        gap >>>= 7;
      }
      rowGaps.push(gap);
      counts.push(n);
    }
    const full: ModelHeader = { format: 'readout-parser/2', rowBits: this.rowBits, classes: C, min, ratio, nonzero: cls.length, rows: counts.length, ...header };
    const json = Buffer.from(JSON.stringify(full), 'utf8');
    const len = Buffer.alloc(8);
    len.writeUInt32LE(json.length, 0);
    len.writeUInt32LE(rowGaps.length, 4);
    return gzipSync(Buffer.concat([len, json, Buffer.from(rowGaps), Buffer.from(counts), Buffer.from(cls), Buffer.from(vals)]), { level: 9 });
  }
}

/** The shipped weights: for each row the classes it has a weight for. */
export class SparseWeights implements Scorer {
  readonly classes: number;
  private constructor(
    readonly header: ModelHeader,
    private readonly rowStart: Uint32Array,
    /** Per weight: class << 8 | quantized value, one 16-bit read per weight (memory traffic is the cost). */
    private readonly entry: Uint16Array,
    /** Quantized value → weight (256 entries, stays in L1). */
    private readonly table: Float32Array,
  ) {
    this.classes = header.classes;
  }

  static read(file: Buffer): SparseWeights {
    const raw = gunzipSync(file);
    const len = raw.readUInt32LE(0);
    const gapBytes = raw.readUInt32LE(4);
    const header = JSON.parse(raw.subarray(8, 8 + len).toString('utf8')) as ModelHeader;
    if (header.format !== 'readout-parser/2') throw new Error(`unknown parser model format ${String(header.format)}`);
    const rows = 1 << header.rowBits;
    const nz = header.nonzero;
    const rowStart = new Uint32Array(rows + 1);
    let gp = 8 + len;
    let cp = gp + gapBytes;
    const cls = raw.subarray(cp + header.rows, cp + header.rows + nz);
    const codes = raw.subarray(cp + header.rows + nz, cp + header.rows + 2 * nz);
    const table = new Float32Array(256);
    for (let q = 0; q < 128; q++) {
      table[q] = header.min * Math.pow(header.ratio, q);
      table[q | 128] = -table[q]!;
    }
    const entry = new Uint16Array(nz);
    for (let j = 0; j < nz; j++) entry[j] = (cls[j]! << 8) | codes[j]!;
    let row = -1;
    let j = 0;
    let filled = 0;
    for (let k = 0; k < header.rows; k++) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = raw[gp++]!;
        gap |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      row += gap;
      // rows before this one (and after the previous) are empty: they start and end at j
      while (filled < row) rowStart[++filled] = j;
      j += raw[cp++]!;
      rowStart[row + 1] = j;
      filled = row + 1;
    }
    while (filled < rows) rowStart[++filled] = j;
    return new SparseWeights(header, rowStart, entry, table);
  }

  score(rows: Int32Array, count: number, out: Float32Array): void {
    out.fill(0, 0, this.classes);
    const { rowStart, entry, table } = this;
    for (let i = 0; i < count; i++) {
      const r = rows[i]!;
      const end = rowStart[r + 1]!;
      for (let j = rowStart[r]!; j < end; j++) {
        const x = entry[j]!;
        out[x >>> 8]! += table[x & 255]!;
      }
    }
  }
}
