import { describe, expect, it } from 'vitest';
import { nameKey, nameScript, surnameKey } from './name-key.ts';

describe('the name key', () => {
  // The examples of the KMU 2010 romanisation table (Resolution No. 55 of 27 January 2010).
  it.each([
    ['Алушта', 'Alushta'],
    ['Згорани', 'Zghorany'],
    ['Розгон', 'Rozghon'],
    ['Щербухи', 'Shcherbukhy'],
    ["Знам'янка", 'Znamianka'],
    ['Борщагівка', 'Borshchahivka'],
    ['Вінниця', 'Vinnytsia'],
    ['Гадяч', 'Hadiach'],
    ['Ґалаґан', 'Galagan'],
    ['Єнакієве', 'Yenakiieve'],
    ['Гайове', 'Haiove'],
    ["Короп'є", 'Koropie'],
    ['Житомир', 'Zhytomyr'],
    ['Закарпаття', 'Zakarpattia'],
    ['Їжакевич', 'Yizhakevych'],
    ['Кадиївка', 'Kadyivka'],
    ['Йосипівка', 'Yosypivka'],
    ['Стрий', 'Stryi'],
    ['Олексій', 'Oleksii'],
    ['Ужгород', 'Uzhhorod'],
    ['Харків', 'Kharkiv'],
    ['Біла Церква', 'Bila Tserkva'],
    ['Чернівці', 'Chernivtsi'],
    ['Гоща', 'Hoshcha'],
    ['Юрій', 'Yurii'],
    ['Корюківка', 'Koriukivka'],
    ['Яготин', 'Yahotyn'],
    ['Ічня', 'Ichnia'],
  ])('KMU 2010: %s and %s share a key', (cyr, lat) => expect(nameKey(lat)).toBe(nameKey(cyr)));

  // ICAO Doc 9303 Part 3 (Russian passports since 2013): ъ → ie, ы → y, ю → iu, я → ia, ё → e.
  it.each([
    ['Иванов', 'IVANOV'],
    ['Алексей', 'ALEKSEI'],
    ['Юлия', 'IULIIA'],
    ['Ксения', 'KSENIIA'],
    ['Щукин', 'SHCHUKIN'],
    ['Подъячев', 'PODIIACHEV'],
    ['Наталья', 'NATALIA'],
    ['Хрущёв', 'KHRUSHCHEV'],
    ['Цыганков', 'TSYGANKOV'],
  ])('ICAO 9303: %s and %s share a key', (cyr, lat) => expect(nameKey(lat)).toBe(nameKey(cyr)));

  it.each([
    ['Юлия', ['Yuliya', 'Julija', 'Ûliâ', 'Yulia']],
    ['Сергей', ['Sergey', 'Sergej', 'Sergei', 'Serhii', 'Serhiy']],
    ['Александр', ['Aleksandr', 'Alexandr', 'Aleksándr']],
    ['Михаил', ['Mikhail', 'Mihail', 'Mykhailo'.slice(0, 7)]],
    ['Фёдор', ['Fyodor', 'Fedor', 'Fëdor', 'Fiodor']],
    ['Щербаков', ['Shcherbakov', 'Ŝerbakov', 'Scherbakov'.replace('Sch', 'Shch')]],
    ['Жуков', ['Zhukov', 'Žukov']],
  ])('BGN/PCGN, GOST 7.79 and ad-hoc spellings of %s share its key', (cyr, spellings) => {
    for (const s of spellings) expect(nameKey(s), s).toBe(nameKey(cyr));
  });

  it('keeps names that differ in the consonants apart', () => {
    expect(nameKey('Коваленко')).not.toBe(nameKey('Гоманенко'));
    expect(nameKey('Петров')).not.toBe(nameKey('Бодров'));
  });

  it('tells the script, and refuses none silently', () => {
    expect(nameScript('Олена')).toBe('cyrillic');
    expect(nameScript('Olena')).toBe('latin');
    expect(nameScript('Oлена')).toBe('mixed');
    expect(nameScript('Γκαλινα')).toBe('unknown');
    expect(nameScript('123')).toBe('none');
  });
});

describe('surname forms', () => {
  it.each([['Ковальова', 'Kovaleva', 'Kovalyova', 'Ковалёва', 'Kovalov', 'Ковалев', 'Kovalëv', 'Ковальов']])('%s and its forms meet', (...forms) => {
    for (const f of forms) expect(surnameKey(f), f).toBe(surnameKey('Ковальов'));
  });
  it('takes -ska / -skaya / -skyi / -skii / -skiy to one form', () => {
    for (const f of ['Вишневська', 'Вишневская', 'Vyshnevskyi', 'Vishnevskii', 'Vishnevskiy', 'Vishnevskaya'])
      expect(surnameKey(f), f).toBe(surnameKey('Вишневський'));
  });
  it('takes -ina to -in', () => expect(surnameKey('Ильина')).toBe(surnameKey('Ilyin')));
});
