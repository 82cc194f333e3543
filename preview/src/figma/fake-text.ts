import type { HostSegment, HostText, SegmentField } from '@onbrand/figma-plugin/host';
// A relative import: the bench bundles the fake with packages left external.
import { measureText, type FontMetrics } from '../../../shared/src/layout/text-measure';
import { countCalls } from '../call-log';
import { FakeLayer } from './fake-nodes';
import { fontKey, mixed, unloadedFontError, type FakeWorld } from './fake-world';

// A text layer as Figma keeps it: characters and styled runs. Changing characters, size, font,
// spacing or decoration needs every font involved loaded first, or it throws as Figma does; a font
// missing on this machine cannot be loaded at all. A layer that sizes to its text (auto height, or
// auto width and height) takes its box from the core's text-size model whenever its text, style or
// width changes, so layout tests see the box Figma would show (deterministically).

interface Run {
  start: number;
  end: number;
  fontName: FontName;
  fontSize: number;
  fills: readonly Paint[];
  hyperlink: HyperlinkTarget | null;
  textDecoration: TextDecoration;
}

type Style = Omit<Run, 'start' | 'end'>;
const styleKeys = ['fontName', 'fontSize', 'fills', 'hyperlink', 'textDecoration'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const black: SolidPaint = { type: 'SOLID', color: { r: 0, g: 0, b: 0 }, opacity: 1, visible: true, blendMode: 'NORMAL' };

export class FakeTextNode extends FakeLayer implements HostText {
  readonly type = 'TEXT' as const;
  private text = '';
  private runs: Run[] = [{ start: 0, end: 0, fontName: { family: 'Inter', style: 'Regular' }, fontSize: 12, fills: [black], hyperlink: null, textDecoration: 'NONE' }];
  private lh: LineHeight = { unit: 'AUTO' };
  private ls: LetterSpacing = { unit: 'PIXELS', value: 0 };
  private sizing: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE' = 'NONE';
  textAlignHorizontal: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFIED' = 'LEFT';

  constructor(world: FakeWorld, name: string) {
    super(world, name);
  }

  protected blank(): this {
    return new FakeTextNode(this.world, this.name) as this;
  }

  override copyTree(into?: this): this {
    const copy = super.copyTree(into);
    copy.text = this.text;
    copy.runs = this.runs.map((run) => ({ ...run, fills: [...run.fills] }));
    copy.lh = { ...this.lh };
    copy.ls = { ...this.ls };
    copy.sizing = this.sizing;
    copy.textAlignHorizontal = this.textAlignHorizontal;
    return copy;
  }

  /** Fills a text layer as a file would hold it: copy and runs (not counted, no fonts needed). */
  write(text: string, style: Partial<Style> = {}, ranges: (Partial<Style> & { start: number; end: number })[] = []): this {
    this.text = text;
    this.runs = [{ ...this.runs[0]!, ...style, start: 0, end: text.length }];
    for (const range of ranges) {
      const { start, end, ...rest } = range;
      this.restyle(start, end, rest);
    }
    this.refit();
    return this;
  }

  get textAutoResize(): 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE' {
    return this.sizing;
  }
  set textAutoResize(value: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE') {
    this.requireFonts('set_textAutoResize');
    this.sizing = value;
    this.refit();
  }

  /** Sets how the layer sizes to its text as a file would hold it (not counted, no fonts needed). */
  autoResize(value: 'NONE' | 'WIDTH_AND_HEIGHT' | 'HEIGHT' | 'TRUNCATE'): this {
    this.sizing = value;
    this.refit();
    return this;
  }

  /** What the text-size model needs: the largest size sets the lines, the longest run the style. */
  private metrics(): FontMetrics {
    const fontSize = Math.max(...this.runs.map((run) => run.fontSize));
    const main = this.runs.reduce((longest, run) => (run.end - run.start > longest.end - longest.start ? run : longest));
    const lineHeight = this.lh.unit === 'PIXELS' ? this.lh.value : this.lh.unit === 'PERCENT' ? (fontSize * this.lh.value) / 100 : undefined;
    const letterSpacing = this.ls.unit === 'PIXELS' ? this.ls.value : (fontSize * this.ls.value) / 100;
    return { fontSize, fontStyle: main.fontName.style, letterSpacing, ...(lineHeight === undefined ? {} : { lineHeight }) };
  }

  /**
   * Figma's auto-resize: HEIGHT wraps the text at the box's width and fits the height to it;
   * WIDTH_AND_HEIGHT sets one line per paragraph and fits both. True when the box changed.
   */
  private fitBox(): boolean {
    if (this.sizing !== 'HEIGHT' && this.sizing !== 'WIDTH_AND_HEIGHT') return false;
    const measured = measureText(this.text, this.metrics(), this.sizing === 'HEIGHT' ? this.w : undefined);
    const width = this.sizing === 'HEIGHT' ? this.w : Math.max(1, Math.ceil(measured.width));
    const height = Math.max(1, Math.ceil(measured.height));
    if (width === this.w && height === this.h) return false;
    this.w = width;
    this.h = height;
    return true;
  }

  /** Fits the box to the text after a change to it, and lets an auto-layout parent place it again. */
  private refit(): void {
    if (this.fitBox()) super.afterResize();
  }

  /** A resize sets the width an auto-height layer wraps at; its height still follows the text. */
  protected override afterResize(): void {
    // Setting a width fixes it, as dragging the width of an auto-width layer does in the editor.
    if (this.sizing === 'WIDTH_AND_HEIGHT') this.sizing = 'HEIGHT';
    this.fitBox();
    super.afterResize();
  }

  /** Figma cannot lay out text whose font it lacks: such a layer is not resized. */
  protected override beforeResize(action: string): void {
    const missing = this.runs.find((run) => !this.world.availableFonts.has(fontKey(run.fontName)));
    if (missing) throw unloadedFontError(action, missing.fontName);
  }

  get hasMissingFont(): boolean {
    return this.runs.some((run) => !this.world.availableFonts.has(fontKey(run.fontName)));
  }

  private requireFonts(action: string, start = 0, end = this.text.length, extra: FontName[] = []): void {
    const fonts = [...this.fontsIn(start, end), ...extra];
    for (const font of fonts) if (!this.world.loadedFonts.has(fontKey(font))) throw unloadedFontError(action, font);
  }

  private fontsIn(start: number, end: number): FontName[] {
    const out: FontName[] = [];
    for (const run of this.runs) {
      if (run.end <= start && !(run.start === run.end && start === run.start)) continue;
      if (run.start >= end && end > start) continue;
      if (!out.some((font) => same(font, run.fontName))) out.push(run.fontName);
    }
    return out.length ? out : [this.runs[0]!.fontName];
  }

  get characters(): string {
    return this.text;
  }
  set characters(value: string) {
    this.requireFonts('set_characters');
    // New characters take the style of the first character, as in Figma.
    this.text = value;
    this.runs = [{ ...this.runs[0]!, start: 0, end: value.length }];
    this.refit();
  }

  private uniform<K extends keyof Style>(key: K): Style[K] | PluginAPI['mixed'] {
    const first = this.runs[0]![key];
    return this.runs.every((run) => same(run[key], first)) ? first : (mixed as PluginAPI['mixed']);
  }

  get fontName(): FontName | PluginAPI['mixed'] {
    return this.uniform('fontName');
  }
  set fontName(value: FontName | PluginAPI['mixed']) {
    if (value === mixed) throw new Error('in set_fontName: Cannot set fontName to figma.mixed');
    this.requireFonts('set_fontName', 0, this.text.length, [value as FontName]);
    this.restyle(0, this.text.length, { fontName: value as FontName });
    this.refit();
  }

  get fontSize(): number | PluginAPI['mixed'] {
    return this.uniform('fontSize');
  }
  set fontSize(value: number | PluginAPI['mixed']) {
    if (value === mixed || !((value as number) >= 1)) throw new Error('in set_fontSize: Expected fontSize to be a number >= 1');
    this.requireFonts('set_fontSize');
    this.restyle(0, this.text.length, { fontSize: value as number });
    this.refit();
  }

  override get fills(): ReadonlyArray<Paint> | PluginAPI['mixed'] {
    return this.uniform('fills');
  }
  override set fills(value: ReadonlyArray<Paint> | PluginAPI['mixed']) {
    if (value === mixed) throw new Error('in set_fills: Cannot set fills to figma.mixed');
    this.restyle(0, this.text.length, { fills: structuredClone(value as Paint[]) });
  }

  override paint(paints: readonly Paint[]): this {
    this.restyle(0, this.text.length, { fills: structuredClone([...paints]) });
    return this;
  }

  get lineHeight(): LineHeight | PluginAPI['mixed'] {
    return this.lh;
  }
  set lineHeight(value: LineHeight | PluginAPI['mixed']) {
    this.requireFonts('set_lineHeight');
    this.lh = value as LineHeight;
    this.refit();
  }

  get letterSpacing(): LetterSpacing | PluginAPI['mixed'] {
    return this.ls;
  }
  set letterSpacing(value: LetterSpacing | PluginAPI['mixed']) {
    this.requireFonts('set_letterSpacing');
    this.ls = value as LetterSpacing;
    this.refit();
  }

  getRangeAllFontNames(start: number, end: number): FontName[] {
    return this.fontsIn(start, end).map((font) => ({ ...font }));
  }

  getStyledTextSegments(fields: SegmentField[], start = 0, end = this.text.length): HostSegment[] {
    const out: HostSegment[] = [];
    for (const run of this.runs) {
      const from = Math.max(run.start, start);
      const to = Math.min(run.end, end);
      if (to <= from) continue;
      const style: Partial<Style> = {};
      for (const field of fields) (style as Record<string, unknown>)[field] = structuredClone(run[field]);
      const last = out[out.length - 1];
      if (last && last.end === from && fields.every((field) => same(last[field], style[field]))) {
        last.end = to;
        last.characters = this.text.slice(last.start, to);
      } else out.push({ characters: this.text.slice(from, to), start: from, end: to, ...style } as HostSegment);
    }
    return out;
  }

  private checkRange(action: string, start: number, end: number): void {
    if (!(start >= 0 && end <= this.text.length && start < end)) throw new Error(`in ${action}: Expected a range inside the text (0–${this.text.length}), got ${start}–${end}`);
  }

  setRangeFontSize(start: number, end: number, value: number): void {
    this.checkRange('setRangeFontSize', start, end);
    this.requireFonts('setRangeFontSize', start, end);
    this.restyle(start, end, { fontSize: value });
    this.refit();
  }

  setRangeFontName(start: number, end: number, value: FontName): void {
    this.checkRange('setRangeFontName', start, end);
    this.requireFonts('setRangeFontName', start, end, [value]);
    this.restyle(start, end, { fontName: { family: value.family, style: value.style } });
    this.refit();
  }

  setRangeFills(start: number, end: number, value: Paint[]): void {
    this.checkRange('setRangeFills', start, end);
    this.restyle(start, end, { fills: structuredClone(value) });
  }

  setRangeHyperlink(start: number, end: number, value: HyperlinkTarget | null): void {
    this.checkRange('setRangeHyperlink', start, end);
    this.restyle(start, end, { hyperlink: value ? { ...value } : null });
  }

  setRangeTextDecoration(start: number, end: number, value: TextDecoration): void {
    this.checkRange('setRangeTextDecoration', start, end);
    this.requireFonts('setRangeTextDecoration', start, end);
    this.restyle(start, end, { textDecoration: value });
  }

  insertCharacters(start: number, characters: string, useStyle: 'BEFORE' | 'AFTER' = 'BEFORE'): void {
    if (!(start >= 0 && start <= this.text.length)) throw new Error(`in insertCharacters: Expected start inside the text (0–${this.text.length}), got ${start}`);
    this.requireFonts('insertCharacters', Math.max(0, start - 1), Math.min(this.text.length, start + 1));
    const styles = this.perCharacter();
    const from = useStyle === 'BEFORE' ? styles[start - 1] ?? styles[start] : styles[start] ?? styles[start - 1];
    const style = from ?? this.styleOf(this.runs[0]!);
    styles.splice(start, 0, ...Array.from({ length: characters.length }, () => style));
    this.text = this.text.slice(0, start) + characters + this.text.slice(start);
    this.fromPerCharacter(styles);
    this.refit();
  }

  deleteCharacters(start: number, end: number): void {
    this.checkRange('deleteCharacters', start, end);
    this.requireFonts('deleteCharacters', start, end);
    const styles = this.perCharacter();
    const first = styles[0]!;
    styles.splice(start, end - start);
    this.text = this.text.slice(0, start) + this.text.slice(end);
    this.fromPerCharacter(styles.length ? styles : [first]);
    this.refit();
  }

  private styleOf(run: Run): Style {
    const { start: _start, end: _end, ...style } = run;
    return style;
  }

  private perCharacter(): Style[] {
    const out: Style[] = [];
    for (const run of this.runs) for (let i = run.start; i < run.end; i++) out.push(this.styleOf(run));
    return out;
  }

  private fromPerCharacter(styles: Style[]): void {
    if (!this.text.length) {
      this.runs = [{ ...styles[0]!, start: 0, end: 0 }];
      return;
    }
    this.runs = styles.slice(0, this.text.length).map((style, index) => ({ ...style, start: index, end: index + 1 }));
    this.normalise();
  }

  /** Applies a style to `[start, end)`, splitting runs at the edges and merging equal neighbours. */
  private restyle(start: number, end: number, style: Partial<Style>): void {
    if (!this.text.length) {
      this.runs = [{ ...this.runs[0]!, ...style, start: 0, end: 0 }];
      return;
    }
    const next: Run[] = [];
    for (const run of this.runs) {
      if (run.end <= start || run.start >= end) {
        next.push(run);
        continue;
      }
      if (run.start < start) next.push({ ...run, end: start });
      next.push({ ...run, ...style, start: Math.max(run.start, start), end: Math.min(run.end, end) });
      if (run.end > end) next.push({ ...run, start: end });
    }
    this.runs = next;
    this.normalise();
  }

  private normalise(): void {
    const merged: Run[] = [];
    for (const run of [...this.runs].sort((a, b) => a.start - b.start)) {
      const last = merged[merged.length - 1];
      if (last && last.end === run.start && styleKeys.every((key) => same(last[key], run[key]))) last.end = run.end;
      else merged.push({ ...run });
    }
    this.runs = merged.length ? merged : this.runs;
  }

  /** The runs without counting a call; for assertions and the preview. */
  runsSnapshot(): readonly Run[] {
    return this.runs;
  }

  override scaleContent(scale: number): void {
    super.scaleContent(scale);
    this.runs = this.runs.map((run) => ({ ...run, fontSize: run.fontSize * scale }));
  }
}

countCalls(FakeTextNode, '', [
  'textAutoResize.set', 'characters.set', 'fontName.set', 'fontSize.set', 'fills.set', 'lineHeight.set', 'letterSpacing.set', 'getRangeAllFontNames', 'getStyledTextSegments', 'setRangeFontSize',
  'setRangeFontName', 'setRangeFills', 'setRangeHyperlink', 'setRangeTextDecoration', 'insertCharacters', 'deleteCharacters',
]);
