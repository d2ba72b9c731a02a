/**
 * The arc-eager transition system (Nivre 2003) with an artificial root at the bottom of the stack, and the
 * dynamic oracle of Goldberg & Nivre (2012), which says for any configuration — not only those on the gold
 * path — how many gold arcs each transition would make unreachable. Training with it lets the parser learn
 * to recover from its own mistakes, and it works on non-projective trees (arcs that can never be built cost
 * nothing extra), so no sentence of the treebank has to be dropped.
 *
 * Word indices inside a configuration are 1-based; 0 is the root.
 */

export const SHIFT = 0;
export const REDUCE = 1;
export const LEFT = 2;
export const RIGHT = 3;

/** The transitions a model scores: SHIFT, REDUCE, then LEFT-ARC per label, then RIGHT-ARC per label. */
export class Transitions {
  /** Number of classes the model scores. */
  readonly size: number;
  /** Class → transition kind (SHIFT, REDUCE, LEFT, RIGHT). */
  readonly kind: Uint8Array;
  /** Class → index into `labels` (-1 for SHIFT and REDUCE). */
  readonly labelOf: Int16Array;
  readonly rootLabel: number;
  /** First LEFT class, first RIGHT class, end of RIGHT classes. */
  readonly leftStart: number;
  readonly rightStart: number;
  constructor(
    readonly labels: string[],
    readonly leftLabels: number[],
    readonly rightLabels: number[],
  ) {
    this.rootLabel = labels.indexOf('root');
    this.leftStart = 2;
    this.rightStart = 2 + leftLabels.length;
    this.size = this.rightStart + rightLabels.length;
    this.kind = new Uint8Array(this.size);
    this.labelOf = new Int16Array(this.size).fill(-1);
    this.kind[0] = SHIFT;
    this.kind[1] = REDUCE;
    leftLabels.forEach((l, i) => {
      this.kind[this.leftStart + i] = LEFT;
      this.labelOf[this.leftStart + i] = l;
    });
    rightLabels.forEach((l, i) => {
      this.kind[this.rightStart + i] = RIGHT;
      this.labelOf[this.rightStart + i] = l;
    });
  }
}

/** A parser configuration, allocated once per sentence. */
export class State {
  readonly head: Int32Array;
  readonly label: Int32Array;
  readonly stack: Int32Array;
  sp = 1;
  /** Front of the buffer; the buffer is b..n. */
  b = 1;
  readonly inStack: Uint8Array;
  /** Leftmost, second leftmost, rightmost, second rightmost dependents (-1: none). */
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  /** Numbers of left and right dependents, and the sets of their labels as bit masks. */
  readonly nl: Int32Array;
  readonly nr: Int32Array;
  readonly lset: Int32Array;
  readonly rset: Int32Array;

  constructor(readonly n: number) {
    const m = n + 1;
    this.head = new Int32Array(m).fill(-1);
    this.label = new Int32Array(m).fill(-1);
    this.stack = new Int32Array(m + 1);
    this.inStack = new Uint8Array(m);
    this.stack[0] = 0;
    this.inStack[0] = 1;
    this.lc1 = new Int32Array(m).fill(-1);
    this.lc2 = new Int32Array(m).fill(-1);
    this.rc1 = new Int32Array(m).fill(-1);
    this.rc2 = new Int32Array(m).fill(-1);
    this.nl = new Int32Array(m);
    this.nr = new Int32Array(m);
    this.lset = new Int32Array(m);
    this.rset = new Int32Array(m);
  }

  get done(): boolean {
    return this.b > this.n;
  }

  /** Which classes may apply now: 1 in `out` for allowed ones. */
  valid(t: Transitions, out: Uint8Array): void {
    const s = this.stack[this.sp - 1]!;
    const canShift = this.b <= this.n;
    const canReduce = s !== 0 && this.head[s] !== -1;
    const canLeft = canShift && s !== 0 && this.head[s] === -1;
    out[SHIFT] = canShift ? 1 : 0;
    out[REDUCE] = canReduce ? 1 : 0;
    for (let c = t.leftStart; c < t.rightStart; c++) out[c] = canLeft ? 1 : 0;
    for (let c = t.rightStart; c < t.size; c++) {
      // the root takes only "root" dependents, and only the root does
      out[c] = canShift && (s === 0) === (t.labelOf[c] === t.rootLabel) ? 1 : 0;
    }
  }

  apply(t: Transitions, c: number): void {
    const s = this.stack[this.sp - 1]!;
    switch (t.kind[c]) {
      case SHIFT:
        this.push(this.b++);
        break;
      case REDUCE:
        this.pop();
        break;
      case LEFT:
        this.attach(this.b, s, t.labelOf[c]!);
        this.pop();
        break;
      default:
        this.attach(s, this.b, t.labelOf[c]!);
        this.push(this.b++);
    }
  }

  private push(i: number): void {
    this.stack[this.sp++] = i;
    this.inStack[i] = 1;
  }

  private pop(): void {
    this.inStack[this.stack[--this.sp]!] = 0;
  }

  private attach(h: number, d: number, l: number): void {
    this.head[d] = h;
    this.label[d] = l;
    const bit = 1 << (l & 31);
    if (d < h) {
      this.nl[h]!++;
      this.lset[h]! |= bit;
      if (this.lc1[h] === -1 || d < this.lc1[h]!) {
        this.lc2[h] = this.lc1[h]!;
        this.lc1[h] = d;
      } else if (this.lc2[h] === -1 || d < this.lc2[h]!) this.lc2[h] = d;
    } else {
      this.nr[h]!++;
      this.rset[h]! |= bit;
      if (this.rc1[h] === -1 || d > this.rc1[h]!) {
        this.rc2[h] = this.rc1[h]!;
        this.rc1[h] = d;
      } else if (this.rc2[h] === -1 || d > this.rc2[h]!) this.rc2[h] = d;
    }
  }

  /**
   * Dynamic-oracle cost of every class (gold arcs lost), written to `out`; invalid classes are not looked at.
   * `goldHead` and `goldLabel` are 1-based like the configuration (goldHead 0: the root).
   */
  costs(t: Transitions, goldHead: Int32Array, goldLabel: Int32Array, out: Int32Array): void {
    const s = this.stack[this.sp - 1]!;
    const b = this.b;
    const n = this.n;
    const gh = goldHead;
    // SHIFT: b can no longer take a head from the stack, nor give one to a headless word on it
    let shift = 0;
    for (let i = 0; i < this.sp; i++) {
      const k = this.stack[i]!;
      if (gh[b] === k) shift++;
      if (k !== 0 && gh[k] === b && this.head[k] === -1) shift++;
    }
    // REDUCE: s loses its dependents still in the buffer
    let reduce = 0;
    for (let k = b; k <= n; k++) if (gh[k] === s) reduce++;
    // LEFT: s loses its dependents in the buffer, and its head if that is further in the buffer
    let left = reduce;
    if (s !== 0 && gh[s] !== b && gh[s]! > b) left++;
    // RIGHT: b loses a head elsewhere in the stack or in the buffer, and its dependents on the stack
    let right = 0;
    const hb = gh[b]!;
    if (hb !== s && (hb > b || (hb >= 0 && this.inStack[hb]))) right++;
    for (let i = 0; i < this.sp; i++) {
      const k = this.stack[i]!;
      if (k !== 0 && gh[k] === b && this.head[k] === -1) right++;
    }
    out[SHIFT] = shift;
    out[REDUCE] = reduce;
    const leftGold = s !== 0 && gh[s] === b ? goldLabel[s]! : -1;
    for (let c = t.leftStart; c < t.rightStart; c++) out[c] = left + (leftGold >= 0 && t.labelOf[c] !== leftGold ? 1 : 0);
    const rightGold = hb === s ? goldLabel[b]! : -1;
    for (let c = t.rightStart; c < t.size; c++) out[c] = right + (rightGold >= 0 && t.labelOf[c] !== rightGold ? 1 : 0);
  }
}
