// Data validation and conditional format rules with their builders, after
// SpreadsheetApp.newDataValidation() and SpreadsheetApp.newConditionalFormatRule().

import type { Env } from './env';
import type { FakeRange } from './spreadsheet';

export const DataValidationCriteria = Object.freeze({
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CHECKBOX: 'CHECKBOX',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
});

export const BooleanCriteria = Object.freeze({
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  CELL_EMPTY: 'CELL_EMPTY',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
});

export class DataValidation {
  constructor(
    private readonly env: Env,
    readonly criteria: string,
    readonly args: readonly unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {}

  getCriteriaType(): string {
    this.env.hit('DataValidation.getCriteriaType', 'local');
    return this.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.env.hit('DataValidation.getCriteriaValues', 'local');
    return this.env.array(this.args);
  }

  getAllowInvalid(): boolean {
    this.env.hit('DataValidation.getAllowInvalid', 'local');
    return this.allowInvalid;
  }
}

export class DataValidationBuilder {
  private criteria: string | null = null;
  private args: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';

  constructor(private readonly env: Env) {}

  /** `showDropdown` defaults to true, as in Apps Script. */
  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    this.env.hit('DataValidationBuilder.requireValueInList', 'local');
    if (!Array.isArray(values) || values.length === 0) throw this.env.error('Invalid argument: values');
    this.criteria = DataValidationCriteria.VALUE_IN_LIST;
    this.args = [[...values], showDropdown];
    return this;
  }

  setAllowInvalid(allowInvalid: boolean): DataValidationBuilder {
    this.env.hit('DataValidationBuilder.setAllowInvalid', 'local');
    this.allowInvalid = allowInvalid;
    return this;
  }

  setHelpText(helpText: string): DataValidationBuilder {
    this.env.hit('DataValidationBuilder.setHelpText', 'local');
    this.helpText = helpText;
    return this;
  }

  build(): DataValidation {
    this.env.hit('DataValidationBuilder.build', 'local');
    if (!this.criteria) throw this.env.error('You must specify criteria for the data validation rule.');
    return new DataValidation(this.env, this.criteria, this.args, this.allowInvalid, this.helpText);
  }
}

export class BooleanCondition {
  constructor(
    private readonly env: Env,
    readonly criteria: string,
    readonly args: readonly unknown[],
    readonly background: string | null,
    readonly fontColor: string | null,
  ) {}

  getCriteriaType(): string {
    this.env.hit('BooleanCondition.getCriteriaType', 'local');
    return this.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.env.hit('BooleanCondition.getCriteriaValues', 'local');
    return this.env.array(this.args);
  }

  getBackground(): string | null {
    this.env.hit('BooleanCondition.getBackground', 'local');
    return this.background;
  }

  getFontColor(): string | null {
    this.env.hit('BooleanCondition.getFontColor', 'local');
    return this.fontColor;
  }
}

export class ConditionalFormatRule {
  constructor(
    private readonly env: Env,
    readonly condition: BooleanCondition | null,
    readonly ranges: readonly FakeRange[],
  ) {}

  /** Null for a rule of another kind (a gradient), as in Apps Script. */
  getBooleanCondition(): BooleanCondition | null {
    this.env.hit('ConditionalFormatRule.getBooleanCondition', 'local');
    return this.condition;
  }

  getGradientCondition(): null {
    this.env.hit('ConditionalFormatRule.getGradientCondition', 'local');
    return null;
  }

  getRanges(): FakeRange[] {
    this.env.hit('ConditionalFormatRule.getRanges', 'local');
    return this.env.array(this.ranges);
  }
}

export class ConditionalFormatRuleBuilder {
  private criteria: string | null = null;
  private args: unknown[] = [];
  private background: string | null = null;
  private fontColor: string | null = null;
  private ranges: FakeRange[] = [];

  constructor(private readonly env: Env) {}

  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder {
    this.env.hit('ConditionalFormatRuleBuilder.whenTextEqualTo', 'local');
    this.criteria = BooleanCriteria.TEXT_EQUAL_TO;
    this.args = [text];
    return this;
  }

  whenTextContains(text: string): ConditionalFormatRuleBuilder {
    this.env.hit('ConditionalFormatRuleBuilder.whenTextContains', 'local');
    this.criteria = BooleanCriteria.TEXT_CONTAINS;
    this.args = [text];
    return this;
  }

  /**
   * "Sets the conditional format rule to trigger when that given formula evaluates to true"
   * (developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenformulasatisfiedformula);
   * its criteria type is CUSTOM_FORMULA with the formula as its one value (…/boolean-criteria).
   * The fake does not evaluate formulas: a test reads the rule's ranges and formula.
   */
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    this.env.hit('ConditionalFormatRuleBuilder.whenFormulaSatisfied', 'local');
    if (typeof formula !== 'string' || !formula.startsWith('=')) throw this.env.error(`Invalid argument: formula (${formula})`);
    this.criteria = BooleanCriteria.CUSTOM_FORMULA;
    this.args = [formula];
    return this;
  }

  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    this.env.hit('ConditionalFormatRuleBuilder.setBackground', 'local');
    this.background = color;
    return this;
  }

  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    this.env.hit('ConditionalFormatRuleBuilder.setFontColor', 'local');
    this.fontColor = color;
    return this;
  }

  setRanges(ranges: FakeRange[]): ConditionalFormatRuleBuilder {
    this.env.hit('ConditionalFormatRuleBuilder.setRanges', 'local');
    if (!Array.isArray(ranges)) throw this.env.error("The parameters don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.");
    this.ranges = [...ranges];
    return this;
  }

  build(): ConditionalFormatRule {
    this.env.hit('ConditionalFormatRuleBuilder.build', 'local');
    if (!this.criteria) throw this.env.error('Conditional format rule must have a condition.');
    return new ConditionalFormatRule(this.env, new BooleanCondition(this.env, this.criteria, this.args, this.background, this.fontColor), this.ranges);
  }
}
