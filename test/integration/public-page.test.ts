// The public page on the built bundle: an anonymous visitor gets the contacts of cl. 7.1 and 8 as plain,
// embeddable HTML, and nothing of any request.
import { person } from '../../emulator/people';
import { submitForm } from '../../emulator/services/forms';
import { propertyStore } from '../../emulator/services/properties';
import { webRequest } from '../../emulator/web';
import { ru } from '../../src/locale/ru';
import { bundleRuntime, OWNER } from '../helpers/bundle-runtime';

test('an anonymous visitor sees the contacts, embeddable, without scripts or any requester’s data', () => {
  const rt = bundleRuntime();
  person(rt, OWNER).runOrThrow('setup');
  const formId = JSON.parse(propertyStore(rt, 'document').get('helpdesk.forms') ?? '{}').requests.formId;
  expect(
    submitForm(rt, formId, {
      [ru.form.requesterType[0]]: ru.choices.requesterType.parent,
      [ru.form.name[0]]: 'Секретова Тайна',
      [ru.form.contact[0]]: 'tayna.sekretova@mail.ru',
      [ru.form.preferredChannel[0]]: ru.choices.preferredChannel.email,
      [ru.form.topic[0]]: ru.choices.topic.other,
      [ru.form.description[0]]: 'Личный вопрос про дневник ребёнка, который никто не должен видеть на сайте.',
      [ru.form.consent[0]]: [ru.form.consentChoice],
    }).ok,
  ).toBe(true);

  const page = webRequest(rt, { method: 'GET', visitor: '' });
  expect(page.status).toBe(200);
  expect(page.kind).toBe('html');
  expect(page.xFrameOptions).toBe('ALLOWALL');
  for (const contact of ['2-34-81', '8 800 300 4444', '15:00', 'fsk1-siva@mail.ru'])
    expect(page.body).toContain(contact);
  expect(page.body).not.toMatch(/<script/i);
  for (const secret of ['Секретова', 'tayna.sekretova@mail.ru', 'Личный вопрос'])
    expect(page.body).not.toContain(secret);

  const print = webRequest(rt, { method: 'GET', parameters: { view: 'print' }, visitor: '' });
  expect(print.status).toBe(200);
  expect(print.body).toContain('8 800 300 4444');
});
