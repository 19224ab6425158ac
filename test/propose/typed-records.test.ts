/**
 * An agenda of date-times whose calls last too (a start and an end on every call), whose tasks
 * have no start but a due day, and whose record is named by two columns whatever their headers
 * say: the kind of record (an opportunity, a contact, an account) and, in the other, that
 * opportunity's number, that contact's id or that account's name. Spanish, invented for this
 * test from no export family; the record columns' headers are words the lexicon does not know.
 */
import { describe, expect, it } from "vitest";
import { agendaRows } from "../../propose/agenda-rows.js";
import { profileEntities } from "../../propose/entities.js";
import { exportFile as file, loadProposed, proposalFor, targetLine } from "./small-exports.js";

const CUENTAS = `Código;Nombre;Ciudad
C01;Hoteles Levante S.L.;Valencia
C02;Panadería Ruiz S.A.;Alicante
C03;Cocinas Mediterráneo S.L.;Castellón
C04;Frío Industrial del Sur S.A.;Murcia
`;
const CONTACTOS = `ID;Nombre;Apellidos;Cuenta
1001;Ana;García;C01
1002;Luis;Martínez;C02
1003;Marta;Sánchez;C03
1004;Jorge;Pérez;C04
`;
const OPORTUNIDADES = `Número;Título;Cuenta;Importe
OP-001;Cámara frigorífica;C01;12000
OP-002;Horno de convección;C02;8500
OP-003;Mantenimiento anual;C03;2400
OP-004;Vitrinas refrigeradas;C04;6300
`;
const ACTIVIDADES = `ID;Tipo;Asunto;Inicio;Fin;Vencimiento;Estado;Vinculo;Enlace
1;Llamada;Pedir los planos;03/02/2025 09:00;03/02/2025 09:20;;Realizada;Oportunidad;OP-001
2;Reunión;Visita a la obra;03/02/2025 11:00;03/02/2025 12:30;;Realizada;Cuenta;hoteles levante s.l.
3;Tarea;Enviar la oferta;;;07/02/2025;Pendiente;Oportunidad;OP-002
4;Correo;Confirmar la fecha;04/02/2025 16:40;;;Realizada;Contacto;1002
5;Llamada;Reclamación;05/02/2025 10:15;05/02/2025 10:30;;Pendiente;Contacto;1003
6;Reunión;Entrega del pedido;05/02/2025 13:00;05/02/2025 14:00;;Pendiente;Oportunidad;OP-003
7;Tarea;Pedir el material;;;10/02/2025;Realizada;Cuenta;Panadería Ruiz S.A.
8;Llamada;Presupuesto;06/02/2025 08:30;06/02/2025 08:45;;Realizada;Cuenta;Cocinas Mediterráneo S.L.
9;Correo;Factura;06/02/2025 12:00;;;Pendiente;Oportunidad;OP-004
10;Reunión;Revisión del montaje;07/02/2025 10:00;07/02/2025 12:00;;Realizada;Contacto;1004
11;Llamada;Seguimiento;07/02/2025 15:00;07/02/2025 15:10;;Realizada;Cuenta;Frío Industrial del Sur S.A.
12;Tarea;Preparar el contrato;;;12/02/2025;Pendiente;Contacto;1001
`;

const files = [file("cuentas.csv", CUENTAS), file("contactos.csv", CONTACTOS), file("oportunidades.csv", OPORTUNIDADES), file("actividades.csv", ACTIVIDADES)];
const texts = { "cuentas.csv": CUENTAS, "contactos.csv": CONTACTOS, "oportunidades.csv": OPORTUNIDADES, "actividades.csv": ACTIVIDADES };

describe("an agenda whose calls last and whose tasks have only a due day", () => {
  it("keeps the calls activities, though they end, and starts the others on a start filled wherever no due day is", () => {
    const diary = profileEntities({ files, otherFiles: [] }).find((entity) => entity.pattern === "actividades.csv");
    const agenda = diary === undefined ? undefined : agendaRows(diary);
    expect(agenda?.eventValues).toEqual(["Reunión"]);
    expect([...(agenda?.activityValues ?? [])].sort()).toEqual(["Correo", "Llamada", "Tarea"]);
    expect(agenda?.start.name).toBe("inicio");
    expect(agenda?.moments).toMatchObject({ kind: "datetimes", due: { name: "vencimiento" } });
  });

  it("dates a done task's message by its due day, having no start", () => {
    const declaration = proposalFor(files).entities.find((entity) => entity.entity.pattern === "actividades.csv")?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const message = declaration.targets.find((target) => target.header.includes("mail.message"));
    expect(targetLine(message, "date")).toBe("inicio ?? vencimiento | datetime");
  });
});

describe("a record named by a column of its kind and a column of keys or names, whatever their headers", () => {
  it("finds, for each kind, the file whose keys or names the other column holds on its rows", () => {
    const diary = profileEntities({ files, otherFiles: [] }).find((entity) => entity.pattern === "actividades.csv");
    expect(diary?.polymorphic).toEqual({
      typeColumn: "vinculo",
      idColumn: "enlace",
      targets: [
        { value: "Oportunidad", entity: "Opportunity" },
        { value: "Cuenta", entity: "Account", byName: "nombre" },
        { value: "Contacto", entity: "Contact" },
      ],
    });
  });

  it("links each activity, message and event to that record, and loads them all", async () => {
    const declaration = proposalFor(files).entities.find((entity) => entity.entity.pattern === "actividades.csv")?.declaration;
    if (declaration?.kind !== "split") throw new Error("the agenda is not split");
    const activity = declaration.targets.find((target) => target.header.includes("mail.activity"));
    expect(targetLine(activity, "res_id")).toContain("enlace | ref account by nombre");
    await loadProposed(texts, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const linked = [...sample.double.records("mail.message"), ...sample.double.records("mail.activity")].filter(
        (record) => typeof record["res_id"] === "number" && record["res_id"] > 0,
      );
      expect(linked.length).toBe(sample.double.records("mail.message").length + sample.double.records("mail.activity").length);
      expect(sample.double.records("calendar.event").length).toBe(3);
    });
  });
});
