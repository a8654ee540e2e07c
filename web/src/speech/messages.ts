import type { Translations } from '../i18n/locales.js';
import type { Assessment, RabatPart, ReviewDecision, SpeechLabel } from './vocabulary.js';

type Parts = Record<RabatPart, { name: string; question: string }>;
type Decisions = Record<ReviewDecision, { name: string; hint: string }>;

const en = {
  title: 'Hate speech queue',
  intro:
    'Posts the classifier scored at or above the threshold, highest first, waiting for an analyst. A score is never a finding: it only decides what is read first.',
  contentNote:
    'Content note: these posts may contain slurs, threats and dehumanising language. Each stays hidden until you choose to show it.',
  threshold: 'Minimum probability of hate speech',
  count: (n: number) => (n === 1 ? '1 post waiting' : `${n} posts waiting`),
  empty: 'No post is waiting for review at this threshold.',
  showText: 'Show text',
  hideText: 'Hide text',
  ofPost: (id: number) => `of post ${id}`,
  probability: 'Probability of hate speech',
  label: 'Class',
  labels: { hatespeech: 'Hate speech', offensive: 'Offensive', normal: 'Normal' } satisfies Record<SpeechLabel, string>,
  targets: 'Groups targeted (model)',
  noTargets: 'none named',
  words: 'Words that drove the score',
  wordsNote: 'These are the model’s reasons, not a finding: a post can score high because it quotes or condemns hateful words.',
  noWords: 'none given',
  post: (id: number) => `Post ${id}`,
  platform: 'Platform',
  posted: 'Posted',
  country: 'Country',
  language: 'Language',
  url: 'Address of the post',
  author: 'Author (keyed hash)',
  authorHint: 'The handle is never stored; the same author has the same hash on this instance.',
  sourceId: 'Id on the platform',
  unknown: '—',
  open: (id: number) => `Review post ${id}`,
  read: (id: number) => `Read post ${id}`,
  back: 'Hate speech queue',
  notFound: 'There is no post with this number.',
  text: 'Text',
  scores: 'Scores',
  scoresCaption: 'Scores of this post, newest model first',
  model: 'Model',
  pHate: 'Hate speech',
  pOffensive: 'Offensive',
  pNormal: 'Normal',
  review: {
    title: 'Rabat six-part test',
    intro:
      'The Rabat Plan of Action (OHCHR, 2012) sets a high threshold for incitement to discrimination, hostility or violence. Assess each part and say why.',
    assessment: 'Assessment',
    note: 'Why',
    assessments: { met: 'Met', 'not-met': 'Not met', unclear: 'Unclear' } satisfies Record<Assessment, string>,
    parts: {
      context: {
        name: 'Context',
        question:
          'What was the social and political situation when the post was made and spread: an armed conflict, discrimination, recent violence against the group?',
      },
      speaker: {
        name: 'Speaker',
        question:
          'Who is speaking, and what standing do they have with the audience: a political or religious leader, an official, an influencer, an anonymous account?',
      },
      intent: {
        name: 'Intent',
        question:
          'Did the speaker mean to advocate hatred and stir the audience against the group? Carelessness is not enough, nor is passing on someone else’s post.',
      },
      contentAndForm: {
        name: 'Content and form',
        question:
          'What was said and how: how direct and provocative, its style, and whether it calls for action against the group.',
      },
      extent: {
        name: 'Extent',
        question: 'How far it reached: public or not, the size of the audience, how it spread, how often it was repeated.',
      },
      likelihood: {
        name: 'Likelihood, including imminence',
        question:
          'Was harm to the group reasonably likely, with a fairly direct link from the post, and soon? The harm need not have happened.',
      },
    } satisfies Parts,
    decision: 'Decision',
    decisions: {
      'not-hate-speech': {
        name: 'Not hate speech',
        hint: 'Does not attack a group for who they are: a report, a quote being condemned, a false alarm by the model.',
      },
      'hate-speech': {
        name: 'Hate speech',
        hint: 'Attacks or demeans a group for who they are, but does not reach incitement.',
      },
      incitement: {
        name: 'Incitement',
        hint: 'Meets the Rabat threshold: every part assessed (none unclear), with intent and likelihood met.',
      },
      unclear: { name: 'Unclear', hint: 'Not enough is known yet.' },
    } satisfies Decisions,
    link: 'Group and place',
    group: 'Protected group targeted',
    noGroup: 'None',
    groupsOf: (country: string) => `Groups recorded for ${country}`,
    country: 'Country',
    noCountry: 'Not known',
    admin1: 'Place (first-order administrative area)',
    reviewNote: 'Note',
    submit: 'Record the review',
    submitting: 'Recording…',
    missing: (part: string) => `Assess every part: “${part}” has no assessment.`,
    noDecision: 'Choose a decision.',
    refused: 'The server refused the review:',
    recorded: 'Review recorded.',
    notReviewed: 'Not reviewed yet.',
    readOnly: 'Analysts and administrators record reviews; your role can read them.',
    reviewedBy: (who: string, when: string) => `Reviewed by ${who}, ${when}`,
    placeNone: '—',
  },
};

export type SpeechMessages = typeof en;

const fr: SpeechMessages = {
  title: 'File des discours de haine',
  intro:
    'Les messages que le classifieur a notés au-dessus du seuil, les plus probables d’abord, en attente d’un analyste. Un score n’est jamais une conclusion : il ne décide que de l’ordre de lecture.',
  contentNote:
    'Avertissement : ces messages peuvent contenir des insultes, des menaces et un langage déshumanisant. Chacun reste masqué tant que vous ne choisissez pas de l’afficher.',
  threshold: 'Probabilité minimale de discours de haine',
  count: (n: number) => (n === 1 ? '1 message en attente' : `${n} messages en attente`),
  empty: 'Aucun message n’attend d’examen à ce seuil.',
  showText: 'Afficher le texte',
  hideText: 'Masquer le texte',
  ofPost: (id: number) => `du message ${id}`,
  probability: 'Probabilité de discours de haine',
  label: 'Classe',
  labels: { hatespeech: 'Discours de haine', offensive: 'Injurieux', normal: 'Normal' },
  targets: 'Groupes visés (modèle)',
  noTargets: 'aucun',
  words: 'Mots à l’origine du score',
  wordsNote:
    'Ce sont les raisons du modèle, pas une conclusion : un message peut obtenir un score élevé parce qu’il cite ou condamne des propos haineux.',
  noWords: 'aucun',
  post: (id: number) => `Message ${id}`,
  platform: 'Plateforme',
  posted: 'Publié',
  country: 'Pays',
  language: 'Langue',
  url: 'Adresse du message',
  author: 'Auteur (empreinte à clé)',
  authorHint: 'L’identifiant n’est jamais conservé ; un même auteur a la même empreinte sur cette instance.',
  sourceId: 'Identifiant sur la plateforme',
  unknown: '—',
  open: (id: number) => `Examiner le message ${id}`,
  read: (id: number) => `Lire le message ${id}`,
  back: 'File des discours de haine',
  notFound: 'Aucun message ne porte ce numéro.',
  text: 'Texte',
  scores: 'Scores',
  scoresCaption: 'Scores de ce message, modèle le plus récent d’abord',
  model: 'Modèle',
  pHate: 'Discours de haine',
  pOffensive: 'Injurieux',
  pNormal: 'Normal',
  review: {
    title: 'Critère en six points de Rabat',
    intro:
      'Le Plan d’action de Rabat (HCDH, 2012) fixe un seuil élevé pour l’incitation à la discrimination, à l’hostilité ou à la violence. Évaluez chaque point et dites pourquoi.',
    assessment: 'Évaluation',
    note: 'Pourquoi',
    assessments: { met: 'Rempli', 'not-met': 'Non rempli', unclear: 'Incertain' },
    parts: {
      context: {
        name: 'Contexte',
        question:
          'Quelle était la situation sociale et politique lorsque le message a été publié et diffusé : conflit armé, discrimination, violences récentes contre le groupe ?',
      },
      speaker: {
        name: 'Orateur',
        question:
          'Qui parle, et quelle autorité a-t-il auprès de son public : responsable politique ou religieux, agent public, influenceur, compte anonyme ?',
      },
      intent: {
        name: 'Intention',
        question:
          'L’auteur voulait-il prôner la haine et dresser son public contre le groupe ? La négligence ne suffit pas, ni le simple relais du message d’autrui.',
      },
      contentAndForm: {
        name: 'Contenu et forme',
        question:
          'Ce qui a été dit et comment : degré de franchise et de provocation, style, et appel éventuel à agir contre le groupe.',
      },
      extent: {
        name: 'Ampleur',
        question: 'Jusqu’où il a porté : public ou non, taille de l’audience, mode de diffusion, fréquence de répétition.',
      },
      likelihood: {
        name: 'Probabilité, y compris l’imminence',
        question:
          'Un préjudice pour le groupe était-il raisonnablement probable, avec un lien assez direct avec le message, et à brève échéance ? Le préjudice n’a pas à s’être produit.',
      },
    },
    decision: 'Décision',
    decisions: {
      'not-hate-speech': {
        name: 'Pas un discours de haine',
        hint: 'N’attaque pas un groupe pour ce qu’il est : un compte rendu, une citation condamnée, une fausse alerte du modèle.',
      },
      'hate-speech': {
        name: 'Discours de haine',
        hint: 'Attaque ou rabaisse un groupe pour ce qu’il est, sans atteindre l’incitation.',
      },
      incitement: {
        name: 'Incitation',
        hint: 'Atteint le seuil de Rabat : tous les points évalués (aucun incertain), intention et probabilité remplies.',
      },
      unclear: { name: 'Incertain', hint: 'On n’en sait pas encore assez.' },
    },
    link: 'Groupe et lieu',
    group: 'Groupe protégé visé',
    noGroup: 'Aucun',
    groupsOf: (country: string) => `Groupes enregistrés pour ${country}`,
    country: 'Pays',
    noCountry: 'Inconnu',
    admin1: 'Lieu (division administrative de premier niveau)',
    reviewNote: 'Note',
    submit: 'Enregistrer l’examen',
    submitting: 'Enregistrement…',
    missing: (part: string) => `Évaluez chaque point : « ${part} » n’est pas évalué.`,
    noDecision: 'Choisissez une décision.',
    refused: 'Le serveur a refusé l’examen :',
    recorded: 'Examen enregistré.',
    notReviewed: 'Pas encore examiné.',
    readOnly: 'Les analystes et les administrateurs enregistrent les examens ; votre rôle permet de les lire.',
    reviewedBy: (who: string, when: string) => `Examiné par ${who}, ${when}`,
    placeNone: '—',
  },
};

const ar: SpeechMessages = {
  title: 'قائمة خطاب الكراهية',
  intro:
    'المنشورات التي منحها المصنِّف درجة تبلغ العتبة أو تتجاوزها، الأعلى أولًا، في انتظار المحلل. الدرجة ليست استنتاجًا أبدًا، وإنما تحدد ما يُقرأ أولًا.',
  contentNote:
    'تنبيه بشأن المحتوى: قد تتضمن هذه المنشورات شتائم وتهديدات ولغة تجرّد البشر من إنسانيتهم. يبقى كل منشور مخفيًا إلى أن تختار إظهاره.',
  threshold: 'الحد الأدنى لاحتمال خطاب الكراهية',
  count: (n: number) => (n === 1 ? 'منشور واحد في الانتظار' : `${n} منشورات في الانتظار`),
  empty: 'لا توجد منشورات تنتظر المراجعة عند هذه العتبة.',
  showText: 'إظهار النص',
  hideText: 'إخفاء النص',
  ofPost: (id: number) => `للمنشور ${id}`,
  probability: 'احتمال خطاب الكراهية',
  label: 'الفئة',
  labels: { hatespeech: 'خطاب كراهية', offensive: 'مسيء', normal: 'عادي' },
  targets: 'الجماعات المستهدفة (وفق النموذج)',
  noTargets: 'لا شيء',
  words: 'الكلمات التي حددت الدرجة',
  wordsNote: 'هذه أسباب النموذج وليست استنتاجًا: قد يحصل منشور على درجة عالية لأنه يقتبس عبارات كراهية أو يدينها.',
  noWords: 'لا شيء',
  post: (id: number) => `المنشور ${id}`,
  platform: 'المنصة',
  posted: 'تاريخ النشر',
  country: 'البلد',
  language: 'اللغة',
  url: 'عنوان المنشور',
  author: 'الناشر (بصمة بمفتاح)',
  authorHint: 'لا يُحفظ اسم الحساب أبدًا؛ وللناشر نفسه البصمة نفسها على هذا الخادم.',
  sourceId: 'المعرّف على المنصة',
  unknown: '—',
  open: (id: number) => `مراجعة المنشور ${id}`,
  read: (id: number) => `قراءة المنشور ${id}`,
  back: 'قائمة خطاب الكراهية',
  notFound: 'لا يوجد منشور بهذا الرقم.',
  text: 'النص',
  scores: 'الدرجات',
  scoresCaption: 'درجات هذا المنشور، النموذج الأحدث أولًا',
  model: 'النموذج',
  pHate: 'خطاب كراهية',
  pOffensive: 'مسيء',
  pNormal: 'عادي',
  review: {
    title: 'اختبار الرباط ذو الأجزاء الستة',
    intro:
      'تضع خطة عمل الرباط (مفوضية الأمم المتحدة السامية لحقوق الإنسان، 2012) عتبة عالية للتحريض على التمييز أو العداوة أو العنف. قيّم كل جزء واذكر السبب.',
    assessment: 'التقييم',
    note: 'السبب',
    assessments: { met: 'مستوفى', 'not-met': 'غير مستوفى', unclear: 'غير واضح' },
    parts: {
      context: {
        name: 'السياق',
        question: 'ما الوضع الاجتماعي والسياسي عند نشر المنشور وتداوله: نزاع مسلح، أو تمييز، أو عنف حديث ضد الجماعة؟',
      },
      speaker: {
        name: 'المتكلم',
        question: 'من المتكلم، وما مكانته لدى جمهوره: زعيم سياسي أو ديني، أو مسؤول، أو مؤثر، أو حساب مجهول؟',
      },
      intent: {
        name: 'النية',
        question:
          'هل قصد المتكلم الدعوة إلى الكراهية وتأليب جمهوره على الجماعة؟ لا يكفي الإهمال، ولا مجرد إعادة نشر منشور شخص آخر.',
      },
      contentAndForm: {
        name: 'المحتوى والشكل',
        question: 'ما الذي قيل وكيف: مدى مباشرته واستفزازه، وأسلوبه، وهل يدعو إلى التحرك ضد الجماعة.',
      },
      extent: {
        name: 'النطاق',
        question: 'إلى أي مدى انتشر: هل كان علنيًا، وما حجم الجمهور، وكيف انتشر، وكم مرة تكرر.',
      },
      likelihood: {
        name: 'الاحتمال، بما في ذلك الوشوك',
        question:
          'هل كان إلحاق الضرر بالجماعة محتملًا على نحو معقول، بصلة مباشرة إلى حد ما بالمنشور، وفي وقت قريب؟ لا يُشترط أن يكون الضرر قد وقع.',
      },
    },
    decision: 'القرار',
    decisions: {
      'not-hate-speech': {
        name: 'ليس خطاب كراهية',
        hint: 'لا يهاجم جماعة بسبب هويتها: تقرير، أو اقتباس يُدان، أو إنذار خاطئ من النموذج.',
      },
      'hate-speech': {
        name: 'خطاب كراهية',
        hint: 'يهاجم جماعة أو يحط من شأنها بسبب هويتها، دون أن يبلغ حد التحريض.',
      },
      incitement: {
        name: 'تحريض',
        hint: 'يبلغ عتبة الرباط: قُيّمت الأجزاء كلها (دون أي جزء غير واضح)، واستُوفيت النية والاحتمال.',
      },
      unclear: { name: 'غير واضح', hint: 'لا تتوفر معلومات كافية بعد.' },
    },
    link: 'الجماعة والمكان',
    group: 'الجماعة المحمية المستهدفة',
    noGroup: 'لا شيء',
    groupsOf: (country: string) => `الجماعات المسجلة في ${country}`,
    country: 'البلد',
    noCountry: 'غير معروف',
    admin1: 'المكان (التقسيم الإداري من المستوى الأول)',
    reviewNote: 'ملاحظة',
    submit: 'تسجيل المراجعة',
    submitting: 'جارٍ التسجيل…',
    missing: (part: string) => `قيّم كل الأجزاء: الجزء «${part}» بلا تقييم.`,
    noDecision: 'اختر قرارًا.',
    refused: 'رفض الخادم المراجعة:',
    recorded: 'سُجّلت المراجعة.',
    notReviewed: 'لم تتم مراجعته بعد.',
    readOnly: 'يسجّل المحللون والمسؤولون المراجعات؛ ويتيح لك دورك قراءتها.',
    reviewedBy: (who: string, when: string) => `راجعه ${who}، ${when}`,
    placeNone: '—',
  },
};

const es: SpeechMessages = {
  title: 'Cola de discurso de odio',
  intro:
    'Publicaciones que el clasificador puntuó en el umbral o por encima, las más probables primero, a la espera de un analista. Una puntuación nunca es una conclusión: solo decide qué se lee primero.',
  contentNote:
    'Advertencia de contenido: estas publicaciones pueden contener insultos, amenazas y lenguaje deshumanizante. Cada una permanece oculta hasta que decida mostrarla.',
  threshold: 'Probabilidad mínima de discurso de odio',
  count: (n: number) => (n === 1 ? '1 publicación en espera' : `${n} publicaciones en espera`),
  empty: 'Ninguna publicación espera revisión con este umbral.',
  showText: 'Mostrar el texto',
  hideText: 'Ocultar el texto',
  ofPost: (id: number) => `de la publicación ${id}`,
  probability: 'Probabilidad de discurso de odio',
  label: 'Clase',
  labels: { hatespeech: 'Discurso de odio', offensive: 'Ofensivo', normal: 'Normal' },
  targets: 'Grupos objetivo (modelo)',
  noTargets: 'ninguno',
  words: 'Palabras que determinaron la puntuación',
  wordsNote:
    'Son las razones del modelo, no una conclusión: una publicación puede puntuar alto porque cita o condena palabras de odio.',
  noWords: 'ninguna',
  post: (id: number) => `Publicación ${id}`,
  platform: 'Plataforma',
  posted: 'Publicada',
  country: 'País',
  language: 'Idioma',
  url: 'Dirección de la publicación',
  author: 'Autor (hash con clave)',
  authorHint: 'El nombre de usuario nunca se guarda; un mismo autor tiene el mismo hash en esta instancia.',
  sourceId: 'Identificador en la plataforma',
  unknown: '—',
  open: (id: number) => `Revisar la publicación ${id}`,
  read: (id: number) => `Leer la publicación ${id}`,
  back: 'Cola de discurso de odio',
  notFound: 'No hay ninguna publicación con este número.',
  text: 'Texto',
  scores: 'Puntuaciones',
  scoresCaption: 'Puntuaciones de esta publicación, el modelo más reciente primero',
  model: 'Modelo',
  pHate: 'Discurso de odio',
  pOffensive: 'Ofensivo',
  pNormal: 'Normal',
  review: {
    title: 'Prueba de seis partes de Rabat',
    intro:
      'El Plan de Acción de Rabat (ACNUDH, 2012) fija un umbral alto para la incitación a la discriminación, la hostilidad o la violencia. Evalúe cada parte y explique por qué.',
    assessment: 'Evaluación',
    note: 'Por qué',
    assessments: { met: 'Se cumple', 'not-met': 'No se cumple', unclear: 'Incierto' },
    parts: {
      context: {
        name: 'Contexto',
        question:
          '¿Cuál era la situación social y política cuando se publicó y difundió: un conflicto armado, discriminación, violencia reciente contra el grupo?',
      },
      speaker: {
        name: 'Emisor',
        question:
          '¿Quién habla y qué posición tiene ante su público: un dirigente político o religioso, un funcionario, un influencer, una cuenta anónima?',
      },
      intent: {
        name: 'Intención',
        question:
          '¿Quiso el emisor propugnar el odio y poner a su público contra el grupo? La negligencia no basta, ni reenviar la publicación de otra persona.',
      },
      contentAndForm: {
        name: 'Contenido y forma',
        question: 'Qué se dijo y cómo: su grado de franqueza y provocación, su estilo y si llama a actuar contra el grupo.',
      },
      extent: {
        name: 'Alcance',
        question: 'Hasta dónde llegó: si era público, el tamaño de la audiencia, cómo se difundió, cuántas veces se repitió.',
      },
      likelihood: {
        name: 'Probabilidad, incluida la inminencia',
        question:
          '¿Era razonablemente probable un daño al grupo, con un vínculo bastante directo con la publicación y pronto? No es necesario que el daño haya ocurrido.',
      },
    },
    decision: 'Decisión',
    decisions: {
      'not-hate-speech': {
        name: 'No es discurso de odio',
        hint: 'No ataca a un grupo por lo que es: una noticia, una cita que se condena, una falsa alarma del modelo.',
      },
      'hate-speech': {
        name: 'Discurso de odio',
        hint: 'Ataca o degrada a un grupo por lo que es, pero no llega a la incitación.',
      },
      incitement: {
        name: 'Incitación',
        hint: 'Alcanza el umbral de Rabat: todas las partes evaluadas (ninguna incierta), con intención y probabilidad cumplidas.',
      },
      unclear: { name: 'Incierto', hint: 'Todavía no se sabe lo suficiente.' },
    },
    link: 'Grupo y lugar',
    group: 'Grupo protegido objetivo',
    noGroup: 'Ninguno',
    groupsOf: (country: string) => `Grupos registrados para ${country}`,
    country: 'País',
    noCountry: 'Desconocido',
    admin1: 'Lugar (división administrativa de primer nivel)',
    reviewNote: 'Nota',
    submit: 'Registrar la revisión',
    submitting: 'Registrando…',
    missing: (part: string) => `Evalúe cada parte: «${part}» no tiene evaluación.`,
    noDecision: 'Elija una decisión.',
    refused: 'El servidor rechazó la revisión:',
    recorded: 'Revisión registrada.',
    notReviewed: 'Aún no revisada.',
    readOnly: 'Los analistas y los administradores registran las revisiones; su función permite leerlas.',
    reviewedBy: (who: string, when: string) => `Revisada por ${who}, ${when}`,
    placeNone: '—',
  },
};

const zh: SpeechMessages = {
  title: '仇恨言论待审队列',
  intro: '分类器评分达到或超过阈值的帖子，按评分从高到低排列，等待分析员审查。评分绝不是结论：它只决定阅读的先后顺序。',
  contentNote: '内容提示：这些帖子可能包含侮辱性称谓、威胁和非人化语言。每条帖子均保持隐藏，直至您选择显示。',
  threshold: '仇恨言论的最低概率',
  count: (n: number) => `${n.toLocaleString('zh')}条帖子待审`,
  empty: '在此阈值下没有待审的帖子。',
  showText: '显示文本',
  hideText: '隐藏文本',
  ofPost: (id: number) => `（第${id}号帖子）`,
  probability: '仇恨言论的概率',
  label: '类别',
  labels: { hatespeech: '仇恨言论', offensive: '冒犯性', normal: '正常' },
  targets: '针对的群体（模型判断）',
  noTargets: '未指明',
  words: '影响评分的词语',
  wordsNote: '这些是模型的依据，并非结论：帖子得分高，可能是因为它引用或谴责了仇恨性词语。',
  noWords: '未提供',
  post: (id: number) => `第${id}号帖子`,
  platform: '平台',
  posted: '发布时间',
  country: '国家',
  language: '语言',
  url: '帖子地址',
  author: '作者（带密钥的哈希值）',
  authorHint: '账号名称从不存储；同一作者在本实例上的哈希值相同。',
  sourceId: '在平台上的编号',
  unknown: '—',
  open: (id: number) => `审查第${id}号帖子`,
  read: (id: number) => `阅读第${id}号帖子`,
  back: '仇恨言论待审队列',
  notFound: '没有此编号的帖子。',
  text: '文本',
  scores: '评分',
  scoresCaption: '该帖子的评分，最新模型在前',
  model: '模型',
  pHate: '仇恨言论',
  pOffensive: '冒犯性',
  pNormal: '正常',
  review: {
    title: '拉巴特六部分门槛测试',
    intro: '《拉巴特行动计划》（人权高专办，2012年）为煽动歧视、敌意或暴力设定了很高的门槛。请评估每一部分并说明理由。',
    assessment: '评估',
    note: '理由',
    assessments: { met: '符合', 'not-met': '不符合', unclear: '不明确' },
    parts: {
      context: {
        name: '背景',
        question: '帖子发布和传播时的社会和政治状况如何：是否存在武装冲突、歧视、近期针对该群体的暴力？',
      },
      speaker: {
        name: '发言者',
        question: '发言者是谁，在受众中有何地位：政治或宗教领袖、官员、网络意见领袖、匿名账号？',
      },
      intent: {
        name: '意图',
        question: '发言者是否意在鼓吹仇恨并煽动受众反对该群体？仅有疏忽并不足够，仅转发他人的帖子也不足够。',
      },
      contentAndForm: {
        name: '内容和形式',
        question: '说了什么、如何说：直接和挑衅的程度、风格，以及是否呼吁对该群体采取行动。',
      },
      extent: {
        name: '言论的范围',
        question: '传播范围有多大：是否公开、受众规模、传播方式、重复频率。',
      },
      likelihood: {
        name: '可能性，包括紧迫性',
        question: '对该群体造成伤害是否具有合理的可能性，与该帖子之间是否有较为直接的联系，且是否即将发生？伤害不必已经发生。',
      },
    },
    decision: '决定',
    decisions: {
      'not-hate-speech': {
        name: '不是仇恨言论',
        hint: '并非因群体身份而攻击该群体：例如报道、受到谴责的引语、模型误报。',
      },
      'hate-speech': {
        name: '仇恨言论',
        hint: '因群体身份而攻击或贬低该群体，但未达到煽动的程度。',
      },
      incitement: {
        name: '煽动',
        hint: '达到拉巴特门槛：所有部分均已评估（没有“不明确”），且意图和可能性均符合。',
      },
      unclear: { name: '不明确', hint: '目前掌握的信息尚不充分。' },
    },
    link: '群体和地点',
    group: '被针对的受保护群体',
    noGroup: '无',
    groupsOf: (country: string) => `为${country}记录的群体`,
    country: '国家',
    noCountry: '未知',
    admin1: '地点（一级行政区）',
    reviewNote: '备注',
    submit: '记录审查',
    submitting: '正在记录…',
    missing: (part: string) => `请评估每一部分：“${part}”尚未评估。`,
    noDecision: '请选择一项决定。',
    refused: '服务器拒绝了该审查：',
    recorded: '审查已记录。',
    notReviewed: '尚未审查。',
    readOnly: '审查由分析员和管理员记录；您的角色可以阅读审查。',
    reviewedBy: (who: string, when: string) => `审查人：${who}，${when}`,
    placeNone: '—',
  },
};

/** Russian plural: one (1, 21…), few (2–4, 22–24…), many (0, 5–20, 25…; 11–14). */
function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const ru: SpeechMessages = {
  title: 'Очередь проверки: язык вражды',
  intro:
    'Публикации, которым классификатор присвоил оценку на уровне порога или выше, ожидают аналитика; сначала идут публикации с самой высокой оценкой. Оценка никогда не является выводом: она лишь определяет, что читать первым.',
  contentNote:
    'Предупреждение о содержании: эти публикации могут содержать оскорбления, угрозы и дегуманизирующие высказывания. Каждая из них остается скрытой, пока вы не решите ее показать.',
  threshold: 'Минимальная вероятность языка вражды',
  count: (n: number) =>
    `${n.toLocaleString('ru')} ${ruPlural(n, 'публикация ожидает', 'публикации ожидают', 'публикаций ожидают')} проверки`,
  empty: 'При этом пороге нет публикаций, ожидающих проверки.',
  showText: 'Показать текст',
  hideText: 'Скрыть текст',
  ofPost: (id: number) => `публикации ${id}`,
  probability: 'Вероятность языка вражды',
  label: 'Класс',
  labels: { hatespeech: 'Язык вражды', offensive: 'Оскорбительное', normal: 'Нейтральное' },
  targets: 'Целевые группы (по оценке модели)',
  noTargets: 'не указаны',
  words: 'Слова, определившие оценку',
  wordsNote:
    'Это доводы модели, а не вывод: публикация может получить высокую оценку, потому что цитирует или осуждает враждебные высказывания.',
  noWords: 'не указаны',
  post: (id: number) => `Публикация ${id}`,
  platform: 'Платформа',
  posted: 'Опубликовано',
  country: 'Страна',
  language: 'Язык',
  url: 'Адрес публикации',
  author: 'Автор (хеш с ключом)',
  authorHint: 'Имя пользователя никогда не сохраняется; у одного и того же автора на этом экземпляре один и тот же хеш.',
  sourceId: 'Идентификатор на платформе',
  unknown: '—',
  open: (id: number) => `Проверить публикацию ${id}`,
  read: (id: number) => `Прочитать публикацию ${id}`,
  back: 'Очередь проверки: язык вражды',
  notFound: 'Публикации с таким номером нет.',
  text: 'Текст',
  scores: 'Оценки',
  scoresCaption: 'Оценки этой публикации, сначала самая новая модель',
  model: 'Модель',
  pHate: 'Язык вражды',
  pOffensive: 'Оскорбительное',
  pNormal: 'Нейтральное',
  review: {
    title: 'Рабатский пороговый тест из шести частей',
    intro:
      'Рабатский план действий (УВКПЧ, 2012 год) устанавливает высокий порог для подстрекательства к дискриминации, вражде или насилию. Оцените каждую часть и объясните почему.',
    assessment: 'Оценка',
    note: 'Обоснование',
    assessments: { met: 'Выполнено', 'not-met': 'Не выполнено', unclear: 'Неясно' },
    parts: {
      context: {
        name: 'Контекст',
        question:
          'Какова была социальная и политическая обстановка, когда публикация появилась и распространялась: вооруженный конфликт, дискриминация, недавнее насилие в отношении группы?',
      },
      speaker: {
        name: 'Оратор',
        question:
          'Кто высказывается и каким положением он пользуется у аудитории: политический или религиозный лидер, должностное лицо, лидер мнений, анонимный аккаунт?',
      },
      intent: {
        name: 'Намерение',
        question:
          'Намеревался ли автор пропагандировать ненависть и настроить аудиторию против группы? Неосторожности недостаточно, как и простого распространения чужой публикации.',
      },
      contentAndForm: {
        name: 'Содержание и форма',
        question:
          'Что было сказано и как: насколько прямо и провокационно, в каком стиле и содержит ли высказывание призыв к действиям против группы.',
      },
      extent: {
        name: 'Масштаб',
        question:
          'Насколько широко оно распространилось: было ли оно публичным, каков размер аудитории, как оно распространялось, как часто повторялось.',
      },
      likelihood: {
        name: 'Вероятность, включая неминуемость',
        question:
          'Был ли вред для группы достаточно вероятен, при достаточно прямой связи с публикацией, и в ближайшее время? Вред не обязательно должен был наступить.',
      },
    },
    decision: 'Решение',
    decisions: {
      'not-hate-speech': {
        name: 'Не язык вражды',
        hint: 'Не нападает на группу из-за того, кем являются ее члены: сообщение, осуждаемая цитата, ложное срабатывание модели.',
      },
      'hate-speech': {
        name: 'Язык вражды',
        hint: 'Нападает на группу или унижает ее из-за того, кем являются ее члены, но не достигает уровня подстрекательства.',
      },
      incitement: {
        name: 'Подстрекательство',
        hint: 'Достигает Рабатского порога: оценены все части (ни одной с оценкой «Неясно»), критерии намерения и вероятности выполнены.',
      },
      unclear: { name: 'Неясно', hint: 'Пока известно недостаточно.' },
    },
    link: 'Группа и место',
    group: 'Защищаемая группа, против которой направлено высказывание',
    noGroup: 'Нет',
    groupsOf: (country: string) => `Группы, записанные для страны: ${country}`,
    country: 'Страна',
    noCountry: 'Неизвестно',
    admin1: 'Место (административная единица первого уровня)',
    reviewNote: 'Примечание',
    submit: 'Записать проверку',
    submitting: 'Запись…',
    missing: (part: string) => `Оцените каждую часть: часть «${part}» не оценена.`,
    noDecision: 'Выберите решение.',
    refused: 'Сервер отклонил проверку:',
    recorded: 'Проверка записана.',
    notReviewed: 'Еще не проверено.',
    readOnly: 'Проверки записывают аналитики и администраторы; ваша роль позволяет их читать.',
    reviewedBy: (who: string, when: string) => `Проверка: ${who}, ${when}`,
    placeNone: '—',
  },
};

export const speechMessages: Translations<SpeechMessages> = { en, fr, ar, es, zh, ru };
