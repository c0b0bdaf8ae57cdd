// Ui and Menu, after SpreadsheetApp.getUi(): menus are recorded when added to the UI, alerts as
// shown (a test reads them instead of a person).

import type { Env } from './env';

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

export class FakeUi {
  readonly menus: MenuRecord[] = [];
  readonly alerts: Array<{ title: string | null; prompt: string }> = [];
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(readonly env: Env) {}

  createMenu(caption: string): FakeMenu {
    this.env.hit('Ui.createMenu', 'ui');
    return new FakeMenu(this, caption);
  }

  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons); the user clicks OK. */
  alert(first: string, second?: unknown, third?: unknown): string {
    this.env.hit('Ui.alert', 'ui');
    if (third !== undefined) this.alerts.push({ title: String(first), prompt: String(second) });
    else this.alerts.push({ title: null, prompt: String(first) });
    return Button.OK;
  }
}
