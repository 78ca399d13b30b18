import { describe, expect, it } from 'vitest';
import { decideAccess, safeRedirect, type AccessViewer } from './route-access';

const viewer = (roles: AccessViewer['person']['roles'], mustChangePassword = false): AccessViewer => ({
  person: { roles },
  mustChangePassword,
});

describe('decideAccess', () => {
  it('sends a signed-out visitor to sign in, except on public pages', () => {
    expect(decideAccess({}, null, 'home')).toBe('sign-in');
    expect(decideAccess({ public: true }, null, 'login')).toBe('allow');
  });

  it('checks the roles a page asks for', () => {
    expect(decideAccess({ roles: ['ADMIN'] }, viewer(['EMPLOYEE', 'MANAGER']), 'admin-people')).toBe(
      'forbidden',
    );
    expect(decideAccess({ roles: ['ADMIN'] }, viewer(['EMPLOYEE', 'ADMIN']), 'admin-people')).toBe('allow');
    expect(decideAccess({}, viewer(['EMPLOYEE']), 'home')).toBe('allow');
  });

  it('keeps a person with a temporary password on the profile page', () => {
    expect(decideAccess({}, viewer(['ADMIN'], true), 'home')).toBe('change-password');
    expect(decideAccess({}, viewer(['ADMIN'], true), 'profile')).toBe('allow');
  });
});

describe('safeRedirect', () => {
  it('follows paths on this site only', () => {
    expect(safeRedirect('/admin/people?x=1')).toBe('/admin/people?x=1');
    expect(safeRedirect('//evil.example/')).toBeNull();
    expect(safeRedirect('https://evil.example/')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
    expect(safeRedirect('/login?redirect=/x')).toBeNull();
    expect(safeRedirect(['/a'])).toBeNull();
  });
});
