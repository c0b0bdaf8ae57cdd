// Ui and Menu, after SpreadsheetApp.getUi(): menus are recorded when added to the UI, alerts and
// dialogs as shown (a test reads them instead of a person). An alert with buttons returns the
// button the test scripted in `answers`, or CLOSE when the person just closed it.

import type { Env } from './env';
import { HtmlOutput } from './html';

export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { subMenu: MenuRecord };

export interface MenuRecord {
  caption: string;
  entries: MenuEntry[];
}

export const Button = Object.freeze({ OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' });
export const ButtonSet = Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' });

export class FakeMenu {
  readonly entries: MenuEntry[] = [];

  constructor(
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {}

  addItem(caption: string, functionName: string): FakeMenu {
    this.ui.env.hit('Menu.addItem', 'ui');
    if (typeof caption !== 'string' || typeof functionName !== 'string') throw this.ui.env.error('Invalid argument: addItem(caption, functionName)');
    this.entries.push({ caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this.ui.env.hit('Menu.addSeparator', 'ui');
    this.entries.push({ separator: true });
    return this;
  }

  addSubMenu(menu: FakeMenu): FakeMenu {
    this.ui.env.hit('Menu.addSubMenu', 'ui');
    this.entries.push({ subMenu: menu.record() });
    return this;
  }

  addToUi(): void {
    this.ui.env.hit('Menu.addToUi', 'ui');
    this.ui.menus.push(this.record());
  }

  record(): MenuRecord {
    return { caption: this.caption, entries: [...this.entries] };
  }
}

export interface AlertRecord {
  title: string | null;
  prompt: string;
  /** The ButtonSet shown; OK for a plain alert. */
  buttons: string;
  /** The button the person clicked. */
  answer: string;
}

export interface DialogRecord {
  title: string;
  html: string;
  width: number;
  height: number;
}

export interface SidebarRecord {
  title: string;
  html: string;
}

export class FakeUi {
  readonly menus: MenuRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  /** Sidebars opened, in order; a sidebar is always 300 px wide, whatever the HtmlOutput's width. */
  readonly sidebars: SidebarRecord[] = [];
  /** What the person clicks in the next alerts that offer a choice, in order (Button values). */
  readonly answers: string[] = [];
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(readonly env: Env) {}

  createMenu(caption: string): FakeMenu {
    this.env.hit('Ui.createMenu', 'ui');
    return new FakeMenu(this, caption);
  }

  /**
   * alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons). A plain alert is
   * answered OK; one with a choice takes the next scripted answer, or CLOSE.
   */
  alert(first: string, second?: unknown, third?: unknown): string {
    this.env.hit('Ui.alert', 'ui');
    const [title, prompt, buttons] = third !== undefined ? [String(first), String(second), third] : second !== undefined ? [null, String(first), second] : [null, String(first), ButtonSet.OK];
    if (!(Object.values(ButtonSet) as string[]).includes(buttons as string)) throw this.env.error("The parameters don't match the method signature for Ui.alert.");
    let answer: string = Button.OK;
    if (buttons !== ButtonSet.OK) {
      answer = this.answers.shift() ?? Button.CLOSE;
      const allowed = { OK_CANCEL: ['OK', 'CANCEL'], YES_NO: ['YES', 'NO'], YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'] }[buttons as 'YES_NO'];
      if (answer !== Button.CLOSE && !allowed.includes(answer)) throw new Error(`fake Ui: scripted answer ${answer} is not a button of ${String(buttons)}`);
    }
    this.alerts.push({ title, prompt, buttons: buttons as string, answer });
    return answer;
  }

  /** Opens an HtmlOutput in a modal dialog; returns at once, as Apps Script does. */
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.env.hit('Ui.showModalDialog', 'ui');
    if (!(userInterface instanceof HtmlOutput) || typeof title !== 'string') {
      throw this.env.error("The parameters don't match the method signature for Ui.showModalDialog.");
    }
    this.dialogs.push({ title, html: userInterface.$content(), width: userInterface.width, height: userInterface.height });
  }

  /** Opens an HtmlOutput in the sidebar, titled by its setTitle; returns at once, as Apps Script does. */
  showSidebar(userInterface: HtmlOutput): void {
    this.env.hit('Ui.showSidebar', 'ui');
    if (!(userInterface instanceof HtmlOutput) || arguments.length !== 1) {
      throw this.env.error("The parameters don't match the method signature for Ui.showSidebar.");
    }
    this.sidebars.push({ title: userInterface.title, html: userInterface.$content() });
  }
}
