/** A client that passes every call on to another: the benchmarks' wrappers override what they observe. */
import type { OdooClient } from "../runtime/odoo/client.js";

export class DelegatingClient implements OdooClient {
  constructor(protected readonly inner: OdooClient) {}

  get protocol(): OdooClient["protocol"] {
    return this.inner.protocol;
  }
  get serverVersion(): string {
    return this.inner.serverVersion;
  }
  get serie(): string {
    return this.inner.serie;
  }
  get uid(): number {
    return this.inner.uid;
  }
  get database(): string {
    return this.inner.database;
  }
  get url(): string {
    return this.inner.url;
  }
  describe(): string {
    return this.inner.describe();
  }
  call: OdooClient["call"] = (...args) => this.inner.call(...args);
  search: OdooClient["search"] = (...args) => this.inner.search(...args);
  searchRead: OdooClient["searchRead"] = (...args) => this.inner.searchRead(...args);
  searchReadAll: OdooClient["searchReadAll"] = (...args) => this.inner.searchReadAll(...args);
  read: OdooClient["read"] = (...args) => this.inner.read(...args);
  searchCount: OdooClient["searchCount"] = (...args) => this.inner.searchCount(...args);
  create: OdooClient["create"] = (...args) => this.inner.create(...args);
  write: OdooClient["write"] = (...args) => this.inner.write(...args);
  unlink: OdooClient["unlink"] = (...args) => this.inner.unlink(...args);
  fieldsGet: OdooClient["fieldsGet"] = (...args) => this.inner.fieldsGet(...args);
  nameSearch: OdooClient["nameSearch"] = (...args) => this.inner.nameSearch(...args);
  load: OdooClient["load"] = (...args) => this.inner.load(...args);
  externalIds: OdooClient["externalIds"] = (...args) => this.inner.externalIds(...args);
  installedModules: OdooClient["installedModules"] = (...args) => this.inner.installedModules(...args);
  close: OdooClient["close"] = () => this.inner.close();
}
