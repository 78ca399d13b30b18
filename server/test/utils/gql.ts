// Test responses are read field by field; typing every query's result would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyData = Record<string, any>;

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GqlResponse<T = AnyData> {
  status: number;
  data: T | null;
  errors: GqlError[] | undefined;
  headers: Headers;
}

/** GraphQL over HTTP the way a browser calls it: JSON POST, cookies kept between calls. */
export class GqlClient {
  cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  async gql<T = AnyData>(
    query: string,
    variables: Record<string, unknown> = {},
    init: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<GqlResponse<T>> {
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...init.headers,
      },
      body: init.body ?? JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0];
      this.cookie = /=$/.test(pair) || /Expires=Thu, 01 Jan 1970/i.test(setCookie) ? null : pair;
    }
    const body = (await res.json()) as { data?: T; errors?: GqlError[] };
    return { status: res.status, data: body.data ?? null, errors: body.errors, headers: res.headers };
  }

  /** Like gql() but fails the test on any error. */
  async ok<T = AnyData>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.gql<T>(query, variables);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  /** The error code of a call expected to fail. */
  async code(query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
    const res = await this.gql(query, variables);
    return res.errors?.[0]?.extensions?.code;
  }

  async login(identifier: string, password: string): Promise<this> {
    await this.ok(`mutation($i: LoginInput!) { login(input: $i) { person { id } } }`, {
      i: { identifier, password },
    });
    return this;
  }
}
