import { Type, type Static } from 'typebox';

export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const NewPassword = Type.String({ minLength: 10, maxLength: 1024 });
export const Locale = Type.Union([
  Type.Literal('fr'),
  Type.Literal('es'),
  Type.Literal('en'),
  Type.Literal('pt'),
]);

export const LoginForm = Type.Object({
  email: Email,
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  next: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type LoginForm = Static<typeof LoginForm>;

export const ForgotPasswordForm = Type.Object({ email: Email });
export type ForgotPasswordForm = Static<typeof ForgotPasswordForm>;

export const ResetPasswordForm = Type.Object({
  password: NewPassword,
  confirm: Type.String({ maxLength: 1024 }),
});
export type ResetPasswordForm = Static<typeof ResetPasswordForm>;

export const NewApiToken = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });
export type NewApiToken = Static<typeof NewApiToken>;

export const NewUser = Type.Object({
  email: Email,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.Optional(NewPassword),
  locale: Type.Optional(Locale),
  isAdmin: Type.Optional(Type.Boolean()),
  organisationId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
});
export type NewUser = Static<typeof NewUser>;

export const ApiTokenView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to recognise it' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const MeView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  name: Type.String(),
  locale: Locale,
  isAdmin: Type.Boolean(),
  organisationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  roles: Type.Array(Type.Object({ networkId: Type.String({ format: 'uuid' }), role: Type.String() })),
});
