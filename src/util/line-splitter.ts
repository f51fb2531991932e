/**
 * Cuts text that arrives in chunks (a file read as a stream) into lines without their `\n`, numbered from 1.
 *
 * @example
 * const lines = new LineSplitter();
 * for (const chunk of chunks) for (const { line, text } of lines.push(chunk)) …
 * const last = lines.end(); // the text after the last `\n` (may be empty)
 */
export class LineSplitter {
  private pending = '';
  private line = 0;

  *push(text: string): Generator<{ line: number; text: string }> {
    this.pending += text;
    let start = 0;
    for (let end = this.pending.indexOf('\n'); end >= 0; end = this.pending.indexOf('\n', start)) {
      yield { line: ++this.line, text: this.pending.slice(start, end) };
      start = end + 1;
    }
    this.pending = this.pending.slice(start);
  }

  end(): { line: number; text: string } {
    const last = { line: ++this.line, text: this.pending };
    this.pending = '';
    return last;
  }
}
