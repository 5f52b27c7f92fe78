/**
 * Common diminutives and everyday forms of given names, each with the full names it may stand for (Ukrainian and
 * Russian full forms both; the equivalence table joins them anyway). Compiled by hand for Parley from the usual
 * forms listed in dictionaries of personal names (Petrovsky, "Словарь русских личных имён", 1966; Скрипник and
 * Дзятківська, "Словник власних імен людей", 2005). The equivalence table (ua2ru.csv) pairs full forms only, and
 * lists of detainees are often written from what comrades or relatives call a person.
 *
 * A diminutive is not merged into a name's class: "Саша" stands for Oleksandr and Oleksandra, "Слава" for
 * Viacheslav, Yaroslav, Stanislav and Vladyslav, so it points at several classes and joins none of them.
 */
export const DIMINUTIVES: ReadonlyArray<readonly [forms: string, full: string]> = [
  ['Саша Сашко Шура Санька Сашка Sasha Sashko Shura', 'Олександр Александр Олександра Александра'],
  ['Коля Колька Микольця Kolya Kolia Mykolka', 'Микола Николай'],
  ['Вова Володя Вовка Vova Volodya Volodia', 'Володимир Владимир'],
  ['Серёжа Сергійко Сірко Serezha Seryozha Serhiiko', 'Сергій Сергей'],
  ['Лёша Льоша Алёша Lesha Lyosha Alyosha', 'Олексій Алексей'],
  ['Дима Дімка Митя Dima Dimka Mitya', 'Дмитро Дмитрий'],
  ['Андрюша Андрійко Andriusha Andryusha Andriiko', 'Андрій Андрей'],
  ['Ваня Іванко Ванька Vania Vanya Ivanko', 'Іван Иван'],
  ['Петя Петрик Petia Petya Petryk', 'Петро Петр'],
  ['Миша Мишко Misha Mishko Mysha', 'Михайло Михаил'],
  ['Юра Юрко Yura Yurko Iura', 'Юрій Юрий'],
  ['Толя Толик Tolia Tolya Tolik', 'Анатолій Анатолий'],
  ['Витя Вітя Вітько Vitya Vitia Vitko', 'Віктор Виктор'],
  ['Женя Женька Zhenya Zhenia', 'Євген Евгений Євгенія Евгения'],
  ['Слава Славко Slava Slavko', 'Вячеслав Ярослав Станіслав Станислав Владислав Святослав'],
  ['Стас Stas', 'Станіслав Станислав'],
  ['Влад Vlad', 'Владислав'],
  ['Костя Kostya Kostia', 'Костянтин Константин'],
  ['Макс Max Maks', 'Максим'],
  ['Паша Павлик Pasha Pavlik', 'Павло Павел'],
  ['Рома Ромко Roma Romko', 'Роман'],
  ['Гриша Гриць Grisha Hrysha Hryts', 'Григорій Григорий'],
  ['Бодя Bodia Bodya', 'Богдан'],
  ['Тарасик Tarasyk', 'Тарас'],
  ['Вася Васько Vasya Vasia Vasko', 'Василь Василий'],
  ['Федя Федько Fedya Fedia', 'Федір Федор'],
  ['Тёма Тьома Tyoma Tema', 'Артем Артём'],
  ['Дэн Den', 'Денис'],
  ['Ігорко Igorek', 'Ігор Игорь'],
  ['Олежка Olezhka', 'Олег'],
  ['Лёня Льоня Lyonia Lionia Lenya', 'Леонід Леонид'],
  ['Боря Borya Boria', 'Борис'],
  ['Валя Valya Valia', 'Валентин Валентина'],
  ['Галя Halia Galya Galia', 'Галина'],
  ['Наташа Natasha', 'Наталія Наталья'],
  ['Таня Tanya Tania', 'Тетяна Татьяна'],
  ['Оля Olya Olia', 'Ольга'],
  ['Катя Katya Katia', 'Катерина Екатерина'],
  ['Маша Masha', 'Марія Мария'],
  ['Света Sveta', 'Світлана Светлана'],
  ['Лена Lena', 'Олена Елена'],
  ['Юля Yulya Yulia', 'Юлія Юлия'],
  ['Ира Іра Ira', 'Ірина Ирина'],
  ['Надя Nadya Nadia', 'Надія Надежда'],
  ['Люда Liuda Lyuda', 'Людмила'],
];
