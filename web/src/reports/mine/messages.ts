import type { Translations } from '../../i18n/locales.js';
import type { ReportStatus } from '../vocabulary.js';

const en = {
  title: 'Your reports',
  intro: 'What happened to the reports you sent. Keep the reference to ask about one.',
  empty: 'You have not sent a report from this account yet.',
  caption: 'Your reports, newest first',
  reference: 'Reference',
  sent: 'Sent',
  incident: 'Incident',
  status: 'Where it stands',
  statuses: {
    submitted: 'Received: waiting for an analyst',
    triaged: 'Being checked by an analyst',
    verified: 'Verified: counted as an event',
    unverified: 'Could not be verified yet',
    rejected: 'Not retained',
    duplicate: 'Already reported by someone else',
  } satisfies Record<ReportStatus, string>,
};

export type MyReportsMessages = typeof en;

export const myReportsMessages: Translations<MyReportsMessages> = {
  en,
  fr: {
    title: 'Vos rapports',
    intro: 'Ce que sont devenus les rapports que vous avez envoyés. Gardez la référence pour vous renseigner sur l’un d’eux.',
    empty: 'Vous n’avez encore envoyé aucun rapport depuis ce compte.',
    caption: 'Vos rapports, du plus récent au plus ancien',
    reference: 'Référence',
    sent: 'Envoyé',
    incident: 'Incident',
    status: 'Où il en est',
    statuses: {
      submitted: 'Reçu : en attente d’un analyste',
      triaged: 'En cours d’examen par un analyste',
      verified: 'Vérifié : compté comme événement',
      unverified: 'Pas encore vérifiable',
      rejected: 'Non retenu',
      duplicate: 'Déjà signalé par quelqu’un d’autre',
    },
  },
  ar: {
    title: 'تقاريرك',
    intro: 'ما آلت إليه التقارير التي أرسلتها. احتفظ بالرقم المرجعي للاستفسار عن أي منها.',
    empty: 'لم ترسل أي تقرير من هذا الحساب بعد.',
    caption: 'تقاريرك، من الأحدث إلى الأقدم',
    reference: 'الرقم المرجعي',
    sent: 'تاريخ الإرسال',
    incident: 'الحادثة',
    status: 'الحالة',
    statuses: {
      submitted: 'وردَ: في انتظار محلل',
      triaged: 'قيد الفحص لدى محلل',
      verified: 'تم التحقق منه: احتُسب حدثًا',
      unverified: 'تعذّر التحقق منه حتى الآن',
      rejected: 'لم يُعتمد',
      duplicate: 'سبق أن أبلغ عنه شخص آخر',
    },
  },
  es: {
    title: 'Sus informes',
    intro: 'Qué ha pasado con los informes que envió. Guarde la referencia para preguntar por uno de ellos.',
    empty: 'Todavía no ha enviado ningún informe desde esta cuenta.',
    caption: 'Sus informes, del más reciente al más antiguo',
    reference: 'Referencia',
    sent: 'Enviado',
    incident: 'Incidente',
    status: 'En qué punto está',
    statuses: {
      submitted: 'Recibido: a la espera de un analista',
      triaged: 'En revisión por un analista',
      verified: 'Verificado: contado como evento',
      unverified: 'Aún no se pudo verificar',
      rejected: 'No retenido',
      duplicate: 'Ya lo informó otra persona',
    },
  },
};
