/**
 * ScriptApp (reference/script/script-app): installable triggers and their builders, Trigger, Service,
 * AuthorizationInfo and the enums. Trigger state lives in triggers/store.ts; when time-driven triggers
 * fire is decided in triggers/schedule.ts and done by emulator/scheduler.ts.
 */
import crypto from 'node:crypto';
import { type Execution, GasObject, registerService, type Runtime, unwrap } from '../runtime';
import { isDate } from '../realm';
import { isValidTimeZone } from '../timezone';
import { buildSchedule, type ClockSpec, WEEK_DAYS, type WeekDayName } from './triggers/schedule';
import { hasScope, manifestScopes, SCOPES } from './triggers/scopes';
import { type TriggerEventType, type TriggerRecord, type TriggerSourceType, triggerStore } from './triggers/store';
import { realmEnum, signatureError } from './utilities';

export { listTriggers, nextRun, type TriggerInfo } from './triggers/store';
export { setGrantedScopes } from './triggers/scopes';

const AUTH_MODES = ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'];
const EVENT_TYPES = ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'];
const TRIGGER_SOURCES = ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'];
const AUTHORIZATION_STATUS = ['REQUIRED', 'NOT_REQUIRED'];
const INSTALLATION_SOURCES = ['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON'];

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

/** The /exec address of the script's (one) web app deployment. */
export function deploymentUrl(rt: Runtime): string {
  return `https://script.google.com/macros/s/AKfycb${rt.scriptId}/exec`;
}

/**
 * The web app's URL as ScriptApp.getService().getUrl() gives it (reference/script/service#getUrl: "the URL
 * of the web app, if it has been deployed; otherwise null"), in any execution, doGet included.
 */
export function webAppUrl(rt: Runtime): string | null {
  return rt.manifest.webapp ? deploymentUrl(rt) : null;
}

/** Throws Apps Script's permission error unless this execution may manage triggers. */
function requireScriptAppScope(exec: Execution, method: string): void {
  const what = `ScriptApp.${method}. Required permissions: ${SCOPES.scriptApp}`;
  exec.requireFullAuth(what);
  if (!hasScope(exec.runtime, exec.effectiveUser, SCOPES.scriptApp))
    throw new Error(`You do not have permission to call ${what}`);
}

/** The id of a Spreadsheet or Form facade the script passes (any object with getId()), or the key string itself. */
function sourceIdOf(value: unknown, method: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const host = unwrap(value) as { getId?: unknown };
    if (typeof host.getId === 'function') return String((host.getId as () => unknown).call(host));
  }
  throw signatureError(method, [value]);
}

function integerArg(value: unknown, method: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureError(method, [value]);
  return Math.trunc(value);
}

class TriggerImpl extends GasObject {
  readonly _gasClass = 'Trigger';

  constructor(
    exec: Execution,
    readonly _record: TriggerRecord,
  ) {
    super(exec);
  }

  getUniqueId(): string {
    return this._record.uid;
  }

  getHandlerFunction(): string {
    return this._record.handler;
  }

  getEventType(): string {
    return this._record.eventType;
  }

  getTriggerSource(): string {
    return this._record.source;
  }

  getTriggerSourceId(): string | null {
    return this._record.sourceId;
  }
}

/** Creates and stores a trigger owned by the execution's effective user. */
function createTrigger(
  exec: Execution,
  handler: string,
  eventType: TriggerEventType,
  source: TriggerSourceType,
  sourceId: string | null,
  clock?: ClockSpec,
): TriggerImpl {
  requireScriptAppScope(exec, 'newTrigger');
  const store = triggerStore(exec.runtime);
  const uid = store.newUid();
  const createdAt = exec.runtime.clock.now();
  const record: TriggerRecord = {
    uid,
    owner: exec.effectiveUser,
    handler,
    eventType,
    source,
    sourceId,
    createdAt,
    schedule: clock ? buildSchedule(clock, uid, createdAt, exec.runtime.timeZone) : undefined,
  };
  store.add(record);
  return new TriggerImpl(exec, record);
}

class ClockTriggerBuilderImpl extends GasObject {
  readonly _gasClass = 'ClockTriggerBuilder';
  readonly _spec: ClockSpec = {};

  constructor(
    exec: Execution,
    readonly _handler: string,
  ) {
    super(exec);
  }

  after(durationMilliseconds: unknown): ClockTriggerBuilderImpl {
    this._spec.after = Math.max(0, integerArg(durationMilliseconds, 'ClockTriggerBuilder.after'));
    return this;
  }

  at(date: unknown): ClockTriggerBuilderImpl {
    if (!isDate(date)) throw signatureError('ClockTriggerBuilder.at', [date]);
    this._spec.at = date.getTime();
    return this;
  }

  atDate(year: unknown, month: unknown, day: unknown): ClockTriggerBuilderImpl {
    const m = 'ClockTriggerBuilder.atDate';
    this._spec.atDate = { year: integerArg(year, m), month: integerArg(month, m), day: integerArg(day, m) };
    return this;
  }

  atHour(hour: unknown): ClockTriggerBuilderImpl {
    const h = integerArg(hour, 'ClockTriggerBuilder.atHour');
    if (h < 0 || h > 23) throw new Error('Invalid argument: hour');
    this._spec.atHour = h;
    return this;
  }

  everyDays(n: unknown): ClockTriggerBuilderImpl {
    const v = integerArg(n, 'ClockTriggerBuilder.everyDays');
    if (v < 1) throw new Error('Invalid argument: n');
    this._spec.everyDays = v;
    return this;
  }

  everyHours(n: unknown): ClockTriggerBuilderImpl {
    const v = integerArg(n, 'ClockTriggerBuilder.everyHours');
    if (!EVERY_HOURS.includes(v))
      throw new Error('The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.');
    this._spec.everyHours = v;
    return this;
  }

  everyMinutes(n: unknown): ClockTriggerBuilderImpl {
    const v = integerArg(n, 'ClockTriggerBuilder.everyMinutes');
    if (!EVERY_MINUTES.includes(v))
      throw new Error('The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.');
    this._spec.everyMinutes = v;
    return this;
  }

  everyWeeks(n: unknown): ClockTriggerBuilderImpl {
    const v = integerArg(n, 'ClockTriggerBuilder.everyWeeks');
    if (v < 1) throw new Error('Invalid argument: n');
    this._spec.everyWeeks = v;
    return this;
  }

  inTimezone(timezone: unknown): ClockTriggerBuilderImpl {
    if (typeof timezone !== 'string') throw signatureError('ClockTriggerBuilder.inTimezone', [timezone]);
    if (!isValidTimeZone(timezone)) throw new Error('Invalid argument: timezone');
    this._spec.timeZone = timezone;
    return this;
  }

  nearMinute(minute: unknown): ClockTriggerBuilderImpl {
    const m = integerArg(minute, 'ClockTriggerBuilder.nearMinute');
    if (m < 0 || m > 59) throw new Error('Invalid argument: minute');
    this._spec.nearMinute = m;
    return this;
  }

  onMonthDay(day: unknown): ClockTriggerBuilderImpl {
    const d = integerArg(day, 'ClockTriggerBuilder.onMonthDay');
    if (d < 1 || d > 31) throw new Error('Invalid argument: day');
    this._spec.onMonthDay = d;
    return this;
  }

  onWeekDay(day: unknown): ClockTriggerBuilderImpl {
    if (typeof day !== 'string' || !WEEK_DAYS.includes(day as WeekDayName))
      throw signatureError('ClockTriggerBuilder.onWeekDay', [day]);
    this._spec.onWeekDay = day as WeekDayName;
    return this;
  }

  create(): TriggerImpl {
    const s = this._spec;
    const hasSchedule =
      s.everyMinutes !== undefined ||
      s.everyHours !== undefined ||
      s.everyDays !== undefined ||
      s.everyWeeks !== undefined ||
      s.onWeekDay !== undefined ||
      s.onMonthDay !== undefined ||
      s.atHour !== undefined ||
      s.atDate !== undefined ||
      s.at !== undefined ||
      s.after !== undefined;
    // Not verified against Google's wording: a clock trigger needs a recurrence or a time.
    if (!hasSchedule) throw new Error('Missing recurrence or time for the clock trigger.');
    return createTrigger(this._exec, this._handler, 'CLOCK', 'CLOCK', null, s);
  }
}

class SourceTriggerBuilderImpl extends GasObject {
  _eventType?: TriggerEventType;

  constructor(
    exec: Execution,
    readonly _gasClass: 'SpreadsheetTriggerBuilder' | 'FormTriggerBuilder',
    readonly _handler: string,
    readonly _source: TriggerSourceType,
    readonly _sourceId: string,
  ) {
    super(exec);
  }

  _set(type: TriggerEventType): this {
    this._eventType = type;
    return this;
  }

  create(): TriggerImpl {
    // Not verified against Google's wording: the builder needs an event type.
    if (!this._eventType) throw new Error('Missing event type for the trigger.');
    return createTrigger(this._exec, this._handler, this._eventType, this._source, this._sourceId);
  }
}

class SpreadsheetTriggerBuilderImpl extends SourceTriggerBuilderImpl {
  constructor(exec: Execution, handler: string, sourceId: string) {
    super(exec, 'SpreadsheetTriggerBuilder', handler, 'SPREADSHEETS', sourceId);
  }

  onOpen(): this {
    return this._set('ON_OPEN');
  }

  onEdit(): this {
    return this._set('ON_EDIT');
  }

  onChange(): this {
    return this._set('ON_CHANGE');
  }

  onFormSubmit(): this {
    return this._set('ON_FORM_SUBMIT');
  }
}

class FormTriggerBuilderImpl extends SourceTriggerBuilderImpl {
  constructor(exec: Execution, handler: string, sourceId: string) {
    super(exec, 'FormTriggerBuilder', handler, 'FORMS', sourceId);
  }

  onOpen(): this {
    return this._set('ON_OPEN');
  }

  onFormSubmit(): this {
    return this._set('ON_FORM_SUBMIT');
  }
}

class TriggerBuilderImpl extends GasObject {
  readonly _gasClass = 'TriggerBuilder';

  constructor(
    exec: Execution,
    readonly _handler: string,
  ) {
    super(exec);
  }

  timeBased(): ClockTriggerBuilderImpl {
    return new ClockTriggerBuilderImpl(this._exec, this._handler);
  }

  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilderImpl {
    return new SpreadsheetTriggerBuilderImpl(
      this._exec,
      this._handler,
      sourceIdOf(sheet, 'TriggerBuilder.forSpreadsheet'),
    );
  }

  forForm(form: unknown): FormTriggerBuilderImpl {
    return new FormTriggerBuilderImpl(this._exec, this._handler, sourceIdOf(form, 'TriggerBuilder.forForm'));
  }
}

class ServiceImpl extends GasObject {
  readonly _gasClass = 'Service';

  getUrl(): string | null {
    return webAppUrl(this._exec.runtime);
  }

  isEnabled(): boolean {
    return webAppUrl(this._exec.runtime) !== null;
  }
}

class AuthorizationInfoImpl extends GasObject {
  readonly _gasClass = 'AuthorizationInfo';

  constructor(
    exec: Execution,
    readonly _missing: string[],
    readonly _granted: string[],
  ) {
    super(exec);
  }

  getAuthorizationStatus(): string {
    return this._missing.length > 0 ? 'REQUIRED' : 'NOT_REQUIRED';
  }

  getAuthorizationUrl(): string | null {
    if (this._missing.length === 0) return null;
    return `https://script.google.com/macros/d/${this._exec.runtime.scriptId}/authorize`;
  }

  getAuthorizedScopes(): string[] {
    return this._exec.realm.newArray(this._granted);
  }
}

class ScriptAppImpl extends GasObject {
  readonly _gasClass = 'ScriptApp';
  readonly AuthMode: Record<string, string>;
  readonly AuthorizationStatus: Record<string, string>;
  readonly EventType: Record<string, string>;
  readonly InstallationSource: Record<string, string>;
  readonly TriggerSource: Record<string, string>;
  readonly WeekDay: Record<string, string>;

  constructor(exec: Execution) {
    super(exec);
    this.AuthMode = realmEnum(exec, AUTH_MODES);
    this.AuthorizationStatus = realmEnum(exec, AUTHORIZATION_STATUS);
    this.EventType = realmEnum(exec, EVENT_TYPES);
    this.InstallationSource = realmEnum(exec, INSTALLATION_SOURCES);
    this.TriggerSource = realmEnum(exec, TRIGGER_SOURCES);
    this.WeekDay = realmEnum(exec, WEEK_DAYS);
  }

  newTrigger(functionName: unknown): TriggerBuilderImpl {
    if (typeof functionName !== 'string') throw signatureError('ScriptApp.newTrigger', [functionName]);
    requireScriptAppScope(this._exec, 'newTrigger');
    return new TriggerBuilderImpl(this._exec, functionName);
  }

  getProjectTriggers(): TriggerImpl[] {
    requireScriptAppScope(this._exec, 'getProjectTriggers');
    return this._triggers(triggerStore(this._exec.runtime).ownedBy(this._exec.effectiveUser));
  }

  getUserTriggers(container: unknown): TriggerImpl[] {
    requireScriptAppScope(this._exec, 'getUserTriggers');
    if (typeof container !== 'object' || container === null)
      throw signatureError('ScriptApp.getUserTriggers', [container]);
    const id = sourceIdOf(container, 'ScriptApp.getUserTriggers');
    const mine = triggerStore(this._exec.runtime)
      .ownedBy(this._exec.effectiveUser)
      .filter((r) => r.sourceId === id);
    return this._triggers(mine);
  }

  /** Host facades in a host array: the core turns it into a realm array of wrapped Triggers. */
  _triggers(records: TriggerRecord[]): TriggerImpl[] {
    return records.length > 0 ? records.map((r) => new TriggerImpl(this._exec, r)) : this._exec.realm.newArray([]);
  }

  deleteTrigger(trigger: unknown): void {
    requireScriptAppScope(this._exec, 'deleteTrigger');
    const host = typeof trigger === 'object' && trigger !== null ? unwrap(trigger) : undefined;
    if (!(host instanceof TriggerImpl)) throw signatureError('ScriptApp.deleteTrigger', [trigger]);
    const store = triggerStore(this._exec.runtime);
    const record = store.get(host._record.uid);
    // Only the owner's own triggers are reachable; deleting one already gone changes nothing.
    if (record && record.owner.toLowerCase() === this._exec.effectiveUser.toLowerCase()) store.remove(record.uid);
  }

  getScriptId(): string {
    return this._exec.runtime.scriptId;
  }

  getService(): ServiceImpl {
    return new ServiceImpl(this._exec);
  }

  getOAuthToken(): string {
    const rt = this._exec.runtime;
    const h = crypto
      .createHash('sha256')
      .update(`${rt.scriptId}|${this._exec.effectiveUser}|oauth`)
      .digest('base64url');
    return `ya29.emulated-${h}`;
  }

  getInstallationSource(): string {
    return 'NONE';
  }

  getAuthorizationInfo(...args: unknown[]): AuthorizationInfoImpl {
    const [authMode, scopes] = args;
    if (typeof authMode !== 'string' || !AUTH_MODES.includes(authMode))
      throw signatureError('ScriptApp.getAuthorizationInfo', args);
    const rt = this._exec.runtime;
    const asked = Array.isArray(scopes) ? scopes.map(String) : (manifestScopes(rt) ?? []);
    const user = this._exec.effectiveUser;
    const granted = asked.filter((s) => hasScope(rt, user, s));
    // Only FULL needs the user's consent (reference/script/authorization-info).
    const missing = authMode === 'FULL' ? asked.filter((s) => !hasScope(rt, user, s)) : [];
    return new AuthorizationInfoImpl(this._exec, missing, granted);
  }

  requireScopes(...args: unknown[]): void {
    const [authMode, scopes] = args;
    if (typeof authMode !== 'string' || !Array.isArray(scopes)) throw signatureError('ScriptApp.requireScopes', args);
    this._requireScopes(scopes.map(String));
  }

  requireAllScopes(authMode: unknown): void {
    if (typeof authMode !== 'string') throw signatureError('ScriptApp.requireAllScopes', [authMode]);
    this._requireScopes(manifestScopes(this._exec.runtime) ?? []);
  }

  _requireScopes(scopes: string[]): void {
    const rt = this._exec.runtime;
    // Apps Script ends the execution and prompts for the missing consent.
    if (scopes.some((s) => !hasScope(rt, this._exec.effectiveUser, s)))
      throw new Error('Authorization is required to perform that action.');
  }
}

registerService({ globals: (exec) => ({ ScriptApp: new ScriptAppImpl(exec)._wrapped() }) });
