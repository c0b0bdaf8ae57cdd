// HtmlService.createHtmlOutput(html), createHtmlOutputFromFile(name) and the HtmlOutput they
// return, after developers.google.com/apps-script/reference/html: the content as given (a file's
// as it is in the project, scriptlets not evaluated), and the size a dialog opens at.
// Ui.showModalDialog and Ui.showSidebar (fakes/ui.ts) record what a person would see.

import type { Env } from './env';

export class HtmlOutput {
  width = 600;
  height = 400;
  title = '';

  constructor(
    private readonly env: Env,
    private content: string,
  ) {}

  private size(name: string, n: unknown): number {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw this.env.error(`Invalid argument: ${name} (${String(n)})`);
    return n;
  }

  setWidth(width: number): HtmlOutput {
    this.env.hit('HtmlOutput.setWidth', 'local');
    this.width = this.size('width', width);
    return this;
  }

  setHeight(height: number): HtmlOutput {
    this.env.hit('HtmlOutput.setHeight', 'local');
    this.height = this.size('height', height);
    return this;
  }

  setTitle(title: string): HtmlOutput {
    this.env.hit('HtmlOutput.setTitle', 'local');
    this.title = String(title);
    return this;
  }

  getContent(): string {
    this.env.hit('HtmlOutput.getContent', 'local');
    return this.content;
  }

  append(html: string): HtmlOutput {
    this.env.hit('HtmlOutput.append', 'local');
    this.content += String(html);
    return this;
  }

  /** The test's window (not counted). */
  $content(): string {
    return this.content;
  }
}

/** The project's HTML files by name (without .html), or null for a name the project lacks. */
export type ProjectFiles = (name: string) => string | null;

export function makeHtmlService(env: Env, files: ProjectFiles = () => null) {
  return {
    /** The project file `name` (Apps Script also accepts the name with `.html`); throws for a missing one. */
    createHtmlOutputFromFile(filename: string): HtmlOutput {
      env.hit('HtmlService.createHtmlOutputFromFile', 'local');
      const name = String(filename).replace(/\.html$/, '');
      const content = files(name);
      if (content === null) throw env.error(`No HTML file named ${String(filename)} was found.`);
      return new HtmlOutput(env, content);
    },
    createHtmlOutput(html = ''): HtmlOutput {
      env.hit('HtmlService.createHtmlOutput', 'local');
      if (typeof html !== 'string') throw new Error('fake HtmlService: only createHtmlOutput(string) is supported');
      return new HtmlOutput(env, html);
    },
  };
}
