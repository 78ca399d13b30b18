import { registerEnumType } from '@nestjs/graphql';
import { Locale, Role } from '@palma/shared';

registerEnumType(Role, { name: 'Role', description: 'What a person may do; a person may hold several.' });
registerEnumType(Locale, { name: 'Locale', description: 'Interface language.' });

export { Locale, Role };
