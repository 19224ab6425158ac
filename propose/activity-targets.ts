/**
 * The targets of activity files that are two things at once: an agenda's appointments as calendar
 * events beside its calls and tasks as activities (agenda-rows.ts), and done activities as
 * messages in their record's chatter beside the open ones (done-rows.ts). Pure.
 */
import type { OdooModel } from "../compiler/catalog/index.js";
import type { AgendaRows, DateTimes, StartAndDuration } from "./agenda-rows.js";
import { finishBody, mapBody, plainColumns, subtype } from "./bodies.js";
import { assign, columnRefs, constant, newContext, type BuildState, type MappedEntity, type TargetContext } from "./build-state.js";
import { doneColumn, type DoneColumn, type DoneRows } from "./done-rows.js";
import type { ColumnProfile } from "./entities.js";
import { alias } from "./entity-models.js";
import type { ColumnRef } from "./fields.js";
import type { BodyLine, TargetProposal } from "./proposal.js";
import { typeCondition } from "./row-types.js";

/**
 * An agenda's appointments as calendar events, from the day and the times they start and end, and
 * its calls and reminders as activities, which have a day and no time (agenda-rows.ts).
 */
export function agendaTargets(
  state: BuildState,
  entity: MappedEntity,
  activityModel: OdooModel,
  eventModel: OdooModel,
  agenda: AgendaRows,
  messageModel?: OdooModel,
): TargetProposal[] {
  const profile = entity.profile;
  const times = [agenda.start, agenda.end];
  const moments = agenda.moments;
  const day = moments.kind === "times" ? moments.date : moments.due;
  const event = newContext(
    state,
    entity,
    eventModel,
    columnRefs(
      state,
      profile,
      plainColumns(state, profile).filter((column) => column !== day && !times.includes(column)),
    ),
  );
  const [start, end] = columnRefs(state, profile, times);
  const [date] = moments.kind === "times" ? columnRefs(state, profile, [moments.date]) : [];
  if (moments.kind === "times" && date !== undefined && start !== undefined && end !== undefined) {
    // A date column reaches a template as yyyy-MM-dd.
    const moment = (time: ColumnRef): string => `\`{${date.path}} {${time.path}}\` | datetime("yyyy-MM-dd ${moments.timePattern}")`;
    assign(state, event, "start", moment(start), [date, start], 0.9, "the day and the time it starts");
    assign(state, event, "stop", moment(end), [date, end], 0.9, "the day and the time it ends");
  } else if (moments.kind === "duration" && start !== undefined && end !== undefined) {
    assign(state, event, "start", start.path, [start], 0.9, "when it starts");
    const length =
      moments.inWords === true
        ? `${end.path} | duration("minutes") | integer ?? 60`
        : moments.minutes === 1
          ? `${end.path} ?? 60`
          : `(${end.path} ?? 1) * ${moments.minutes}`;
    assign(state, event, "stop", `${start.path} | add_minutes(${length})`, [start, end], 0.9, "its start and how long it lasts; an hour when the row does not say");
  } else if (start !== undefined && end !== undefined) {
    assign(state, event, "start", start.path, [start], 0.9, "when it starts");
    assign(
      state,
      event,
      "stop",
      `${end.path} ?? ${start.path} | add_minutes(60)`,
      [end, start],
      0.9,
      "when it ends; an hour after its start when the row gives no end",
    );
  }
  finishBody(state, event);
  if (moments.kind !== "times") {
    const done = entity.agendaDone;
    const activities = datedActivity(state, entity, activityModel, agenda, moments, done);
    if (done === undefined || messageModel === undefined) return [eventTarget(state, entity, agenda, eventModel, event.lines), activities];
    return [eventTarget(state, entity, agenda, eventModel, event.lines), agendaMessage(state, entity, messageModel, agenda, done), activities];
  }
  const activity = mapBody(state, entity, activityModel, times);
  for (const time of times) {
    activity.push({ kind: "ignore", column: time.name, comment: "an activity has a day, not a time" });
  }
  return [
    eventTarget(state, entity, agenda, eventModel, event.lines),
    { header: `${entity.alias}: ${activityModel.name} when ${typeCondition(agenda.type, agenda.activityValues)}`, body: activity },
  ];
}

/** An agenda's appointments, but those its status says were cancelled (done-rows.ts). */
function eventTarget(state: BuildState, entity: MappedEntity, agenda: AgendaRows, eventModel: OdooModel, body: BodyLine[]): TargetProposal {
  const held = (entity.agendaDone ?? doneColumn(entity.profile))?.held;
  const condition = [typeCondition(agenda.type, agenda.eventValues), ...(held === undefined ? [] : [held])].join(" and ");
  return { header: `${alias(state, "event")}: ${eventModel.name} when ${condition}`, body };
}

/**
 * An agenda's calls, e-mails and tasks when it gives date-times: the day one is due, else the day
 * it starts, as an activity has a day and no time; the end belongs to appointments.
 */
function datedActivity(
  state: BuildState,
  entity: MappedEntity,
  activityModel: OdooModel,
  agenda: AgendaRows,
  moments: DateTimes | StartAndDuration,
  done?: DoneColumn,
): TargetProposal {
  const profile = entity.profile;
  const dated = [agenda.start, ...(moments.due === undefined ? [] : [moments.due])];
  const flag = done === undefined ? [] : [done.column];
  const context = newContext(
    state,
    entity,
    activityModel,
    columnRefs(
      state,
      profile,
      plainColumns(state, profile).filter((column) => column !== agenda.end && !dated.includes(column) && !flag.includes(column)),
    ),
  );
  const [start, due] = columnRefs(state, profile, dated);
  if (start !== undefined) {
    const expression = due === undefined ? `${start.path} | date` : `${due.path} ?? ${start.path} | date`;
    const columns = due === undefined ? [start] : [due, start];
    assign(state, context, "date_deadline", expression, columns, 0.9, "the day it is due, else the day it starts: an activity has a day, not a time");
  }
  finishBody(state, context);
  const ending = moments.kind === "duration" ? "how long it lasts is an appointment's" : "the end is an appointment's";
  context.lines.push({ kind: "ignore", column: agenda.end.name, comment: `an activity has a day, not a time: ${ending}` });
  if (done !== undefined) context.lines.push({ kind: "ignore", column: done.column.name, comment: "the split's condition: done rows are messages in the chatter" });
  const condition = [typeCondition(agenda.type, agenda.activityValues), ...(done === undefined ? [] : [done.open]), ...namingRecord(context.lines)].join(" and ");
  return { header: `${entity.alias}: ${activityModel.name} when ${condition}`, body: context.lines };
}

/**
 * Rows naming no record at all (an internal call, a note to oneself) have no chatter to go in:
 * the condition that they name one, from the columns `res_id` reads, so that they are skipped
 * rather than rejected.
 */
function namingRecord(lines: readonly BodyLine[]): string[] {
  const record = lines.find((line) => line.kind === "assign" && line.field === "res_id");
  if (record?.kind !== "assign" || record.columns.length === 0) return [];
  const named = record.columns.map((column) => `${column} is present`);
  return [named.length === 1 ? (named[0] ?? "") : `(${named.join(" or ")})`];
}

/**
 * An agenda's done calls, e-mails and tasks: history, an internal note in the chatter of their
 * record, dated when they happened (their start), headed by their type.
 */
function agendaMessage(state: BuildState, entity: MappedEntity, messageModel: OdooModel, agenda: AgendaRows, done: DoneColumn): TargetProposal {
  const due = agenda.moments.kind === "times" ? undefined : agenda.moments.due;
  const without = [agenda.start, agenda.end, ...(due === undefined ? [] : [due])];
  // A task without a start happened on the day it was due.
  const undated = agenda.start.guess.blank > 0 ? due : undefined;
  const body = doneMessage(state, entity, messageModel, done, agenda.type, without, (context) => {
    const [start, day] = columnRefs(state, entity.profile, [agenda.start, ...(undated === undefined ? [] : [undated])]);
    if (start !== undefined && day !== undefined) assign(state, context, "date", `${start.path} ?? ${day.path} | datetime`, [start, day], 0.9, "when it happened, else the day it was due");
    else if (start !== undefined) assign(state, context, "date", start.path, [start], 0.9, "when it happened");
  });
  for (const column of [agenda.end, ...(due === undefined ? [] : [due]).filter((column) => column !== undated)]) {
    body.push({ kind: "ignore", column: column.name, comment: "a message has its moment alone" });
  }
  const condition = [typeCondition(agenda.type, agenda.activityValues), done.done, ...namingRecord(body)].join(" and ");
  return { header: `${alias(state, "message")}: ${messageModel.name} when ${condition}`, body };
}

/**
 * Activities with a done flag: the done ones as internal notes in the chatter of their record,
 * dated by the day and its time when the export gives one; the open ones as activities, which
 * have a day and no time (done-rows.ts).
 */
export function doneTargets(state: BuildState, entity: MappedEntity, activityModel: OdooModel, messageModel: OdooModel, done: DoneRows): TargetProposal[] {
  const profile = entity.profile;
  const times = done.time === undefined ? [] : [done.time];
  const activity = mapBody(state, entity, activityModel, [done.column, ...times]);
  for (const time of times) activity.push({ kind: "ignore", column: time.name, comment: "an activity has a day, not a time" });
  activity.push({ kind: "ignore", column: done.column.name, comment: "the split's condition: done rows are messages in the chatter" });
  // A message has no type: the activity's type heads its subject.
  const typeLine = activity.find((line) => line.kind === "assign" && line.field === "activity_type_id" && line.columns.length === 1);
  const type = typeLine?.kind === "assign" ? profile.columns.find((column) => column.name === typeLine.columns[0]) : undefined;
  const dated = [done.date, done.time].filter((column): column is ColumnProfile => column !== undefined);
  const message = doneMessage(state, entity, messageModel, done, type, dated, (context) => {
    const [date, time] = columnRefs(state, profile, dated);
    if (date !== undefined && time !== undefined && done.timePattern !== undefined) {
      // A date column reaches a template as yyyy-MM-dd.
      const moment = `(if ${time.path} is present then \`{${date.path}} {${time.path}}\` | datetime("yyyy-MM-dd ${done.timePattern}")) ?? ${date.path} | datetime`;
      assign(state, context, "date", moment, [date, time], 0.9, "the day, at its time when the row gives one");
    } else if (date !== undefined) {
      assign(state, context, "date", `${date.path} | datetime`, [date], 0.9, "the day it was done");
    }
  });
  return [
    { header: `${alias(state, "message")}: ${messageModel.name} when ${done.done}`, body: message },
    { header: `${entity.alias}: ${activityModel.name} when ${done.open}`, body: activity },
  ];
}

/**
 * A done activity's internal note in its record's chatter: the row's columns but the done flag,
 * the type (which heads its subject) and those `dated` reads to set its date.
 */
function doneMessage(
  state: BuildState,
  entity: MappedEntity,
  messageModel: OdooModel,
  done: DoneColumn,
  type: ColumnProfile | undefined,
  without: readonly ColumnProfile[],
  dated: (context: TargetContext) => void,
): BodyLine[] {
  const profile = entity.profile;
  const message = newContext(
    state,
    entity,
    messageModel,
    columnRefs(
      state,
      profile,
      plainColumns(state, profile).filter((column) => column !== done.column && column !== type && !without.includes(column)),
    ),
  );
  constant(state, message, "message_type", '"comment"');
  subtype(state, message, true);
  dated(message);
  finishBody(state, message);
  doneMessageLines(message.lines, type);
  return message.lines;
}

/**
 * A done activity's message: its subject headed by the activity's type (`{tipo}: {assunto}`), and
 * its record required, so that a row whose record is not found is rejected with the reason
 * rather than loaded as a message on nothing.
 */
function doneMessageLines(lines: BodyLine[], type: ColumnProfile | undefined): void {
  lines.forEach((line, index) => {
    if (line.kind !== "assign" || line.operator !== "<-") return;
    const subjectColumn = line.columns[0];
    if (line.field === "subject" && type !== undefined && line.columns.length === 1 && subjectColumn !== undefined) {
      lines[index] = {
        ...line,
        expression: `\`{${type.name}}: {${subjectColumn}}\` | trim`,
        columns: [type.name, subjectColumn],
        comment: "the activity's type, then its subject",
      };
    }
    if (line.field === "res_id" && !/\|\s*required\s*$/.test(line.expression)) {
      lines[index] = {
        ...line,
        expression: `(${line.expression}) | required`,
        comment: `${line.comment ?? ""}; a row whose record is not found is rejected, with the reason`.replace(/^; /, ""),
      };
    }
  });
}
