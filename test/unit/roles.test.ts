import { decideAccess, decideSetup, HELPDESK_ROLES, roleOf, type StaffMember } from '../../src/domain/roles';

const staff: StaffMember[] = [
  { email: 'Consultant@School.ru', name: 'К.', role: 'consultant', active: true },
  { email: 'deputy@school.ru', name: 'З.', role: 'deputy', active: true },
  { email: 'teacher@school.ru', name: 'У.', role: 'teacher', active: true },
  { email: 'left@school.ru', name: 'Б.', role: 'consultant', active: false },
];

describe('roleOf', () => {
  test('matches e-mail case-insensitively and knows the owner', () => {
    expect(roleOf(' consultant@school.ru ', 'owner@gmail.com', staff)).toBe('consultant');
    expect(roleOf('OWNER@gmail.com', 'owner@gmail.com', staff)).toBe('owner');
  });
  test('a person who has left, or is not listed, has no role', () => {
    expect(roleOf('left@school.ru', 'owner@gmail.com', staff)).toBeUndefined();
    expect(roleOf('stranger@gmail.com', 'owner@gmail.com', staff)).toBeUndefined();
  });
});

describe('decideAccess', () => {
  test('a blank identity is denied even if the owner is blank too', () => {
    expect(decideAccess('', '', staff, HELPDESK_ROLES)).toEqual({ allowed: false, reason: 'blank-identity' });
  });
  test('a teacher is outside the consultant–deputy–director circle', () => {
    expect(decideAccess('teacher@school.ru', 'owner@gmail.com', staff, HELPDESK_ROLES)).toEqual({
      allowed: false,
      reason: 'no-role',
    });
    expect(decideAccess('deputy@school.ru', 'owner@gmail.com', staff, HELPDESK_ROLES)).toEqual({
      allowed: true,
      role: 'deputy',
    });
  });
});

describe('decideSetup', () => {
  test('the first run must be the spreadsheet owner, who becomes the helpdesk owner', () => {
    expect(decideSetup('owner@gmail.com', '', 'owner@gmail.com')).toEqual({ allowed: true, firstRun: true });
    expect(decideSetup('editor@gmail.com', '', 'owner@gmail.com')).toEqual({
      allowed: false,
      reason: 'not-spreadsheet-owner',
      owner: 'owner@gmail.com',
    });
  });
  test('later runs: only the recorded owner', () => {
    expect(decideSetup('Owner@Gmail.com', 'owner@gmail.com', '')).toEqual({ allowed: true, firstRun: false });
    expect(decideSetup('other@gmail.com', 'owner@gmail.com', '')).toEqual({
      allowed: false,
      reason: 'not-owner',
      owner: 'owner@gmail.com',
    });
  });
  test('a blank identity never sets up', () => {
    expect(decideSetup('', '', '')).toMatchObject({ allowed: false, reason: 'blank-identity' });
  });
});
