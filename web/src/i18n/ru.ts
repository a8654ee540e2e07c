import type { CoreMessages } from './en.js';

const count = (n: number): string => n.toLocaleString('ru');

/** The Russian plural form for n: one (1, 21…), few (2–4, 22–24…) or many (5–20, 11–14, 25…). */
const ruPlural = (n: number, one: string, few: string, many: string): string => {
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
};

/** The core strings in Russian (see en.ts for the source and its comments). */
export const ru: CoreMessages = {
  appName: 'Tocsin',
  appTagline: 'Раннее предупреждение зверских преступлений',
  loading: 'Загрузка…',
  retry: 'Повторить попытку',
  errors: {
    generic: 'Произошла ошибка. Повторите попытку.',
    network: 'Не удалось связаться с сервером.',
    loadFailed: (what) => `Не удалось загрузить: ${what}.`,
    forbidden: 'Ваша роль не дает доступа к этой странице.',
  },
  nav: {
    label: 'Основная навигация',
    skipToContent: 'Перейти к основному содержанию',
    menu: 'Меню',
    watchlist: 'Список наблюдения',
    events: 'События',
    signals: 'Сигналы',
    warnings: 'Предупреждения',
    assessments: 'Оценки',
    reports: 'Сообщения',
    newReport: 'Сообщить об инциденте',
    evidence: 'Доказательства',
    speech: 'Язык вражды',
    imports: 'Импорт',
  },
  language: {
    label: 'Язык',
  },
  notFound: {
    title: 'Страница не найдена',
    body: 'По этому адресу нет страницы.',
    home: 'Перейти на начальную страницу',
  },
  login: {
    title: 'Вход',
    intro: 'Войдите с помощью учетной записи, которую вам выдал администратор.',
    username: 'Имя пользователя',
    password: 'Пароль',
    submit: 'Войти',
    submitting: 'Выполняется вход…',
    wrongCredentials: 'Неверное имя пользователя или пароль.',
  },
  header: {
    signedInAs: 'Вы вошли как',
    signOut: 'Выйти',
  },
  events: {
    title: 'События',
  },
  roles: {
    admin: 'Администратор',
    analyst: 'Аналитик',
    reviewer: 'Рецензент',
    investigator: 'Следователь',
    monitor: 'Наблюдатель',
    'decision-maker': 'Лицо, принимающее решения',
    viewer: 'Читатель',
  },
  filters: {
    title: 'Фильтры',
    country: 'Страна',
    from: 'С',
    to: 'По',
    category: 'Категория',
    source: 'Источник',
    minFatalities: 'Мин. число погибших',
    any: 'Любые',
    allCountries: 'Все страны',
    reset: 'Сбросить',
  },
  categories: {
    'one-sided': 'Одностороннее насилие',
    'state-based': 'Конфликт с участием государства',
    'non-state': 'Негосударственный конфликт',
    'remote-violence': 'Дистанционное насилие',
    riots: 'Беспорядки',
    protests: 'Протесты',
    strategic: 'Стратегические события',
    other: 'Другое',
  },
  sources: {
    ucdp: 'UCDP',
    acled: 'ACLED',
    gdelt: 'GDELT',
    report: 'Сообщение',
  },
  precisions: {
    exact: 'точное место',
    near: 'рядом с местом',
    admin2: 'админ. единица второго уровня',
    admin1: 'админ. единица первого уровня',
    region: 'регион',
    country: 'только страна',
    international: 'международные воды или воздушное пространство',
    unknown: 'неизвестно',
  },
  map: {
    label: 'Карта событий, соответствующих фильтрам',
    legend: 'Легенда карты',
    legendTitle: 'Категория события',
    sizeTitle: 'Число погибших (наилучшая оценка)',
    unmapped: (n) =>
      ruPlural(
        n,
        `${count(n)} событие, место которого известно только с точностью до страны, есть в списке, но не нанесено на карту.`,
        `${count(n)} события, место которых известно только с точностью до страны, есть в списке, но не нанесены на карту.`,
        `${count(n)} событий, место которых известно только с точностью до страны, есть в списке, но не нанесены на карту.`,
      ),
    truncated: (n) => `На карте показаны только последние события (${count(n)}); сузьте фильтры, чтобы увидеть все.`,
    boundaries:
      'Границы: Natural Earth. Показанные на карте границы не означают их официального одобрения или признания Организацией Объединенных Наций.',
  },
  table: {
    caption: 'События, соответствующие фильтрам, начиная с последних',
    date: 'Дата',
    country: 'Страна',
    admin1: 'Админ. 1',
    location: 'Место',
    category: 'Категория',
    actors: 'Исполнитель → цель',
    fatalities: 'Погибшие',
    fatalitiesHint: 'наилучшая оценка (мин.–макс.)',
    source: 'Источник',
    empty: 'Нет событий, соответствующих этим фильтрам.',
    storeEmpty: 'Событий пока нет. Аналитик импортирует их командой: npx tocsin import ucdp|acled|gdelt FILE',
    previous: 'Назад',
    next: 'Далее',
    range: (first, last, total, atLeast = false) =>
      total === undefined
        ? `События ${count(first)}–${count(last)}`
        : `События ${count(first)}–${count(last)} из ${atLeast ? 'более чем ' : ''}${count(total)}`,
    showDetails: (what) => `Показать подробности: ${what}`,
  },
  details: {
    title: 'Подробности события',
    close: 'Закрыть',
    date: 'Дата',
    place: 'Место',
    precision: 'Точность местоположения',
    coordinates: 'Координаты',
    category: 'Категория',
    sourceCategory: 'Категория в источнике',
    perpetrator: 'Исполнитель',
    target: 'Цель',
    fatalities: 'Погибшие',
    fatalitiesValue: (best, low, high) => `${best} (мин. ${low}, макс. ${high})`,
    source: 'Источник',
    description: 'Описание',
    citations: 'Ссылки на источники',
    civilian: 'гражданские лица',
    state: 'государство',
    hint: 'Выберите событие на карте или в таблице, чтобы увидеть подробности.',
  },
  unknown: '—',
  unnamed: 'место без названия',
};
