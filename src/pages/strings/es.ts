import type { Strings } from "./types.js";

const hours = (h: number) => (h === 1 ? "1 hora" : `${h} horas`);

export const es: Strings = {
  languageNav: "Idioma",

  appointmentTitle: "Su cita",
  statusLabel: "Estado",
  statusNames: {
    scheduled: "Programada",
    confirmed: "Confirmada",
    checked_in: "Llegada registrada",
    completed: "Realizada",
    no_show: "No asistió",
    cancelled: "Cancelada",
  },
  when: "Cuándo",
  lasts: (m) => `Dura ${m < 60 ? `${m} minutos` : m % 60 === 0 ? hours(m / 60) : `${hours(Math.floor(m / 60))} y ${m % 60} minutos`}.`,
  where: "Dónde",
  officePhone: "Teléfono de la oficina",
  contactTitle: "Cómo contactar a la oficina",
  officeEmail: "Correo de la oficina",
  officeAddress: "Dirección",
  bringTitle: "Qué traer",
  bring: ["Los documentos de identidad de todas las personas de su hogar.", "Este mensaje o este enlace, en su teléfono o en papel.", "Los papeles que la oficina le haya pedido."],
  free: "La cita es gratuita. Nadie puede cobrarle dinero por ella.",

  confirm: "Confirmar que iré",
  change: "Cambiar la fecha",
  cancel: "Cancelar la cita",
  addToCalendar: "Agregar a mi calendario",
  back: "Volver a mi cita",
  changesLeft: (n) => (n === 1 ? "Puede cambiar la fecha 1 vez más." : `Puede cambiar la fecha ${n} veces más.`),
  noMoreChanges: "Ya no puede cambiar la fecha por aquí. Si lo necesita, llame a la oficina.",
  tooLateToChange: "Faltan menos de 24 horas: ya no puede cambiar la fecha por aquí. Si no puede venir, llame a la oficina.",
  passed: "La hora de esta cita ya pasó.",

  cancelTitle: "¿Cancelar su cita?",
  cancelWarning: "Si cancela, otra persona podrá tomar este horario. Para una nueva cita tendrá que contactar a la oficina.",
  cancelYes: "Sí, cancelar mi cita",
  cancelNo: "No, mantener mi cita",

  slotsTitle: "Elegir una nueva fecha",
  currentTime: "Su cita ahora",
  week: (first, last) => `Del ${first} al ${last}`,
  previousWeek: "Semana anterior",
  nextWeek: "Semana siguiente",
  noTimesThisWeek: "No hay horarios libres esta semana.",
  noTimesAtAll: "Por ahora no hay otros horarios libres. Si necesita cambiar la fecha, llame a la oficina.",
  chooseTime: "Elija una hora",
  saveTime: "Cambiar a esta hora",

  confirmedDone: "Gracias. Su cita está confirmada.",
  rescheduledDone: "Listo. Su cita tiene una nueva fecha.",
  cancelledDone: "Su cita fue cancelada.",
  afterCancel: "Si quiere una nueva cita, contacte a la oficina.",

  errorTitle: "No se pudo hacer el cambio",
  slotTaken: "Otra persona acaba de tomar esa hora. Por favor, elija otra.",
  unavailable: "Esa hora no está disponible para usted. Por favor, elija otra.",
  changedMeanwhile: "Su cita cambió mientras tanto. Revise cómo está ahora.",
  formExpired: "La página estuvo abierta mucho tiempo. No se cambió nada: inténtelo otra vez.",
  pickATime: "Elija una hora de la lista.",
  notAllowed: "Este cambio ya no es posible.",

  notFoundTitle: "Este enlace no funciona",
  notFoundText: "Puede estar incompleto o ser antiguo. Revise que copió el enlace completo. Si necesita ayuda, contacte a la oficina que le dio la cita.",
  tooManyTitle: "Demasiados intentos",
  tooManyText: (m) => (m === 1 ? "Espere 1 minuto y vuelva a intentarlo." : `Espere ${m} minutos y vuelva a intentarlo.`),
  serverErrorTitle: "Algo falló",
  serverErrorText: "Hubo un problema de nuestro lado. No se cambió nada. Inténtelo de nuevo en unos minutos.",
};
