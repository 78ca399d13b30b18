/** Limits shared by server validation and client forms. */
export const Limits = {
  pageSizeDefault: 20,
  pageSizeMax: 100,
  passwordMin: 10,
  passwordMax: 128,
  nameMax: 100,
  emailMax: 254,
  employeeNumberMax: 32,
  rankMax: 50,
  jobTitleMax: 100,
  departmentNameMax: 100,
  departmentCodeMax: 32,
  /** Largest CSV upload accepted, in bytes (about 50,000 people rows). */
  importBytesMax: 8 * 1024 * 1024,
  importRowsMax: 50_000,
  graphqlMaxDepth: 10,
  graphqlMaxAliases: 15,
  graphqlMaxCost: 5_000,
  /** Subscriptions one websocket may hold at once (a page needs a handful). */
  subscriptionsPerSocket: 20,
} as const;
