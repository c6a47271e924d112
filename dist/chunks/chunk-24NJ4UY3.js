import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  NO_ISTIO_SERIES,
  OrderedMerge,
  PartQueue,
  displayName,
  findRepositoryRoot,
  isInsideDirectory,
  isPlainFileName,
  leavesDirectory,
  metricFilesOf,
  readMetricFiles,
  readMetrics,
  repositoryLinkGuard,
  writeFileInRepository
} from "./chunk-IKDDHJP5.js";
import {
  readSnapshot,
  snapshotToMap
} from "./chunk-PZ32DOGX.js";
import {
  parseSince,
  parseWait,
  prometheusTimeoutMs
} from "./chunk-AUXK2ZCI.js";
import {
  replyError,
  workerScript
} from "./chunk-MTBUG5EW.js";
import {
  shownUrl
} from "./chunk-55OXYYT6.js";
import {
  compareCalls,
  compareRules
} from "./chunk-FEXBMIR2.js";
import {
  readAtMost,
  readRegularFile,
  readRegularFileBytesSync
} from "./chunk-VEPUTHKX.js";
import {
  InputError,
  VERSION,
  hasUnsafeChars,
  isDnsLabel,
  isDnsSubdomain,
  isLabelKey,
  isLabelValue,
  jsonWithEscapes,
  showControlChars
} from "./chunk-3OLJVOZR.js";
import {
  __export
} from "./chunk-HANBNIMK.js";

// src/report/display-text.ts
function qualifiedName(ref) {
  return `${ref.name}.${ref.namespace}`;
}
function targetName(server, clientNamespace) {
  return server.namespace === clientNamespace ? server.name : qualifiedName(server);
}
function plural(count2, singular, pluralForm = `${singular}s`) {
  return `${count2} ${count2 === 1 ? singular : pluralForm}`;
}
function countLabel(count2, protocol) {
  return protocol === "tcp" ? plural(count2, "connection") : plural(count2, "request");
}

// node_modules/yaml/browser/dist/nodes/identity.js
var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
function isCollection(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case MAP:
      case SEQ:
        return true;
    }
  return false;
}
function isNode(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case ALIAS:
      case MAP:
      case SCALAR:
      case SEQ:
        return true;
    }
  return false;
}
var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

// node_modules/yaml/browser/dist/visit.js
var BREAK = /* @__PURE__ */ Symbol("break visit");
var SKIP = /* @__PURE__ */ Symbol("skip children");
var REMOVE = /* @__PURE__ */ Symbol("remove node");
function visit(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    visit_(null, node, visitor_, Object.freeze([]));
}
visit.BREAK = BREAK;
visit.SKIP = SKIP;
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path9) {
  const ctrl = callVisitor(key, node, visitor, path9);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path9, ctrl);
    return visit_(key, ctrl, visitor, path9);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path9 = Object.freeze(path9.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = visit_(i, node.items[i], visitor, path9);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path9 = Object.freeze(path9.concat(node));
      const ck = visit_("key", node.key, visitor, path9);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = visit_("value", node.value, visitor, path9);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
async function visitAsync(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    await visitAsync_(null, node, visitor_, Object.freeze([]));
}
visitAsync.BREAK = BREAK;
visitAsync.SKIP = SKIP;
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path9) {
  const ctrl = await callVisitor(key, node, visitor, path9);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key, path9, ctrl);
    return visitAsync_(key, ctrl, visitor, path9);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path9 = Object.freeze(path9.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = await visitAsync_(i, node.items[i], visitor, path9);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path9 = Object.freeze(path9.concat(node));
      const ck = await visitAsync_("key", node.key, visitor, path9);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = await visitAsync_("value", node.value, visitor, path9);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
function initVisitor(visitor) {
  if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
    return Object.assign({
      Alias: visitor.Node,
      Map: visitor.Node,
      Scalar: visitor.Node,
      Seq: visitor.Node
    }, visitor.Value && {
      Map: visitor.Value,
      Scalar: visitor.Value,
      Seq: visitor.Value
    }, visitor.Collection && {
      Map: visitor.Collection,
      Seq: visitor.Collection
    }, visitor);
  }
  return visitor;
}
function callVisitor(key, node, visitor, path9) {
  if (typeof visitor === "function")
    return visitor(key, node, path9);
  if (isMap(node))
    return visitor.Map?.(key, node, path9);
  if (isSeq(node))
    return visitor.Seq?.(key, node, path9);
  if (isPair(node))
    return visitor.Pair?.(key, node, path9);
  if (isScalar(node))
    return visitor.Scalar?.(key, node, path9);
  if (isAlias(node))
    return visitor.Alias?.(key, node, path9);
  return void 0;
}
function replaceNode(key, path9, node) {
  const parent = path9[path9.length - 1];
  if (isCollection(parent)) {
    parent.items[key] = node;
  } else if (isPair(parent)) {
    if (key === "key")
      parent.key = node;
    else
      parent.value = node;
  } else if (isDocument(parent)) {
    parent.contents = node;
  } else {
    const pt = isAlias(parent) ? "alias" : "scalar";
    throw new Error(`Cannot replace node with ${pt} parent`);
  }
}

// node_modules/yaml/browser/dist/doc/directives.js
var escapeChars = {
  "!": "%21",
  ",": "%2C",
  "[": "%5B",
  "]": "%5D",
  "{": "%7B",
  "}": "%7D"
};
var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
var Directives = class _Directives {
  constructor(yaml, tags) {
    this.docStart = null;
    this.docEnd = false;
    this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
    this.tags = Object.assign({}, _Directives.defaultTags, tags);
  }
  clone() {
    const copy = new _Directives(this.yaml, this.tags);
    copy.docStart = this.docStart;
    return copy;
  }
  /**
   * During parsing, get a Directives instance for the current document and
   * update the stream state according to the current version's spec.
   */
  atDocument() {
    const res = new _Directives(this.yaml, this.tags);
    switch (this.yaml.version) {
      case "1.1":
        this.atNextDocument = true;
        break;
      case "1.2":
        this.atNextDocument = false;
        this.yaml = {
          explicit: _Directives.defaultYaml.explicit,
          version: "1.2"
        };
        this.tags = Object.assign({}, _Directives.defaultTags);
        break;
    }
    return res;
  }
  /**
   * @param onError - May be called even if the action was successful
   * @returns `true` on success
   */
  add(line, onError) {
    if (this.atNextDocument) {
      this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
      this.tags = Object.assign({}, _Directives.defaultTags);
      this.atNextDocument = false;
    }
    const parts = line.trim().split(/[ \t]+/);
    const name = parts.shift();
    switch (name) {
      case "%TAG": {
        if (parts.length !== 2) {
          onError(0, "%TAG directive should contain exactly two parts");
          if (parts.length < 2)
            return false;
        }
        const [handle, prefix] = parts;
        this.tags[handle] = prefix;
        return true;
      }
      case "%YAML": {
        this.yaml.explicit = true;
        if (parts.length !== 1) {
          onError(0, "%YAML directive should contain exactly one part");
          return false;
        }
        const [version] = parts;
        if (version === "1.1" || version === "1.2") {
          this.yaml.version = version;
          return true;
        } else {
          const isValid = /^\d+\.\d+$/.test(version);
          onError(6, `Unsupported YAML version ${version}`, isValid);
          return false;
        }
      }
      default:
        onError(0, `Unknown directive ${name}`, true);
        return false;
    }
  }
  /**
   * Resolves a tag, matching handles to those defined in %TAG directives.
   *
   * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
   *   `'!local'` tag, or `null` if unresolvable.
   */
  tagName(source, onError) {
    if (source === "!")
      return "!";
    if (source[0] !== "!") {
      onError(`Not a valid tag: ${source}`);
      return null;
    }
    if (source[1] === "<") {
      const verbatim = source.slice(2, -1);
      if (verbatim === "!" || verbatim === "!!") {
        onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
        return null;
      }
      if (source[source.length - 1] !== ">")
        onError("Verbatim tags must end with a >");
      return verbatim;
    }
    const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
    if (!suffix)
      onError(`The ${source} tag has no suffix`);
    const prefix = this.tags[handle];
    if (prefix) {
      try {
        return prefix + decodeURIComponent(suffix);
      } catch (error) {
        onError(String(error));
        return null;
      }
    }
    if (handle === "!")
      return source;
    onError(`Could not resolve tag: ${source}`);
    return null;
  }
  /**
   * Given a fully resolved tag, returns its printable string form,
   * taking into account current tag prefixes and defaults.
   */
  tagString(tag) {
    for (const [handle, prefix] of Object.entries(this.tags)) {
      if (tag.startsWith(prefix))
        return handle + escapeTagName(tag.substring(prefix.length));
    }
    return tag[0] === "!" ? tag : `!<${tag}>`;
  }
  toString(doc) {
    const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
    const tagEntries = Object.entries(this.tags);
    let tagNames;
    if (doc && tagEntries.length > 0 && isNode(doc.contents)) {
      const tags = {};
      visit(doc.contents, (_key, node) => {
        if (isNode(node) && node.tag)
          tags[node.tag] = true;
      });
      tagNames = Object.keys(tags);
    } else
      tagNames = [];
    for (const [handle, prefix] of tagEntries) {
      if (handle === "!!" && prefix === "tag:yaml.org,2002:")
        continue;
      if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
        lines.push(`%TAG ${handle} ${prefix}`);
    }
    return lines.join("\n");
  }
};
Directives.defaultYaml = { explicit: false, version: "1.2" };
Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };

// node_modules/yaml/browser/dist/doc/anchors.js
function anchorIsValid(anchor) {
  if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
    const sa = JSON.stringify(anchor);
    const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
    throw new Error(msg);
  }
  return true;
}
function anchorNames(root) {
  const anchors = /* @__PURE__ */ new Set();
  visit(root, {
    Value(_key, node) {
      if (node.anchor)
        anchors.add(node.anchor);
    }
  });
  return anchors;
}
function findNewAnchor(prefix, exclude) {
  for (let i = 1; true; ++i) {
    const name = `${prefix}${i}`;
    if (!exclude.has(name))
      return name;
  }
}
function createNodeAnchors(doc, prefix) {
  const aliasObjects = [];
  const sourceObjects = /* @__PURE__ */ new Map();
  let prevAnchors = null;
  return {
    onAnchor: (source) => {
      aliasObjects.push(source);
      prevAnchors ?? (prevAnchors = anchorNames(doc));
      const anchor = findNewAnchor(prefix, prevAnchors);
      prevAnchors.add(anchor);
      return anchor;
    },
    /**
     * With circular references, the source node is only resolved after all
     * of its child nodes are. This is why anchors are set only after all of
     * the nodes have been created.
     */
    setAnchors: () => {
      for (const source of aliasObjects) {
        const ref = sourceObjects.get(source);
        if (typeof ref === "object" && ref.anchor && (isScalar(ref.node) || isCollection(ref.node))) {
          ref.node.anchor = ref.anchor;
        } else {
          const error = new Error("Failed to resolve repeated object (this should not happen)");
          error.source = source;
          throw error;
        }
      }
    },
    sourceObjects
  };
}

// node_modules/yaml/browser/dist/doc/applyReviver.js
function applyReviver(reviver, obj, key, val) {
  if (val && typeof val === "object") {
    if (Array.isArray(val)) {
      for (let i = 0, len = val.length; i < len; ++i) {
        const v0 = val[i];
        const v1 = applyReviver(reviver, val, String(i), v0);
        if (v1 === void 0)
          delete val[i];
        else if (v1 !== v0)
          val[i] = v1;
      }
    } else if (val instanceof Map) {
      for (const k of Array.from(val.keys())) {
        const v0 = val.get(k);
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          val.delete(k);
        else if (v1 !== v0)
          val.set(k, v1);
      }
    } else if (val instanceof Set) {
      for (const v0 of Array.from(val)) {
        const v1 = applyReviver(reviver, val, v0, v0);
        if (v1 === void 0)
          val.delete(v0);
        else if (v1 !== v0) {
          val.delete(v0);
          val.add(v1);
        }
      }
    } else {
      for (const [k, v0] of Object.entries(val)) {
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          delete val[k];
        else if (v1 !== v0)
          val[k] = v1;
      }
    }
  }
  return reviver.call(obj, key, val);
}

// node_modules/yaml/browser/dist/nodes/toJS.js
function toJS(value, arg, ctx) {
  if (Array.isArray(value))
    return value.map((v, i) => toJS(v, String(i), ctx));
  if (value && typeof value.toJSON === "function") {
    if (!ctx || !hasAnchor(value))
      return value.toJSON(arg, ctx);
    const data = { aliasCount: 0, count: 1, res: void 0 };
    ctx.anchors.set(value, data);
    ctx.onCreate = (res2) => {
      data.res = res2;
      delete ctx.onCreate;
    };
    const res = value.toJSON(arg, ctx);
    if (ctx.onCreate)
      ctx.onCreate(res);
    return res;
  }
  if (typeof value === "bigint" && !ctx?.keep)
    return Number(value);
  return value;
}

// node_modules/yaml/browser/dist/nodes/Node.js
var NodeBase = class {
  constructor(type) {
    Object.defineProperty(this, NODE_TYPE, { value: type });
  }
  /** Create a copy of this node.  */
  clone() {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** A plain JavaScript representation of this node. */
  toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    if (!isDocument(doc))
      throw new TypeError("A document argument is required");
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc,
      keep: true,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this, "", ctx);
    if (typeof onAnchor === "function")
      for (const { count: count2, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count2);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
};

// node_modules/yaml/browser/dist/nodes/Alias.js
var Alias = class extends NodeBase {
  constructor(source) {
    super(ALIAS);
    this.source = source;
    Object.defineProperty(this, "tag", {
      set() {
        throw new Error("Alias nodes cannot have tags");
      }
    });
  }
  /**
   * Resolve the value of this alias within `doc`, finding the last
   * instance of the `source` anchor before this node.
   */
  resolve(doc, ctx) {
    if (ctx?.maxAliasCount === 0)
      throw new ReferenceError("Alias resolution is disabled");
    let nodes;
    if (ctx?.aliasResolveCache) {
      nodes = ctx.aliasResolveCache;
    } else {
      nodes = [];
      visit(doc, {
        Node: (_key, node) => {
          if (isAlias(node) || hasAnchor(node))
            nodes.push(node);
        }
      });
      if (ctx)
        ctx.aliasResolveCache = nodes;
    }
    let found = void 0;
    for (const node of nodes) {
      if (node === this)
        break;
      if (node.anchor === this.source)
        found = node;
    }
    if (found && ctx) {
      const { anchors, doc: doc2, maxAliasCount } = ctx;
      let data = anchors.get(found);
      if (!data) {
        toJS(found, null, ctx);
        data = anchors.get(found);
      }
      if (data?.res === void 0) {
        const msg = "This should not happen: Alias anchor was not resolved?";
        throw new ReferenceError(msg);
      }
      if (maxAliasCount >= 0) {
        data.count += 1;
        if (data.aliasCount === 0)
          data.aliasCount = getAliasCount(doc2, found, anchors);
        if (data.count * data.aliasCount > maxAliasCount) {
          const msg = "Excessive alias count indicates a resource exhaustion attack";
          throw new ReferenceError(msg);
        }
      }
    }
    return found;
  }
  toJSON(_arg, ctx) {
    if (!ctx)
      return { source: this.source };
    const source = this.resolve(ctx.doc, ctx);
    if (!source) {
      const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
      throw new ReferenceError(msg);
    }
    return ctx.anchors.get(source).res;
  }
  toString(ctx, _onComment, _onChompKeep) {
    const src = `*${this.source}`;
    if (ctx) {
      anchorIsValid(this.source);
      if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
        const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
        throw new Error(msg);
      }
      if (ctx.implicitKey)
        return `${src} `;
    }
    return src;
  }
};
function getAliasCount(doc, node, anchors) {
  if (isAlias(node)) {
    const source = node.resolve(doc);
    const anchor = anchors && source && anchors.get(source);
    return anchor ? anchor.count * anchor.aliasCount : 0;
  } else if (isCollection(node)) {
    let count2 = 0;
    for (const item of node.items) {
      const c = getAliasCount(doc, item, anchors);
      if (c > count2)
        count2 = c;
    }
    return count2;
  } else if (isPair(node)) {
    const kc = getAliasCount(doc, node.key, anchors);
    const vc = getAliasCount(doc, node.value, anchors);
    return Math.max(kc, vc);
  }
  return 1;
}

// node_modules/yaml/browser/dist/nodes/Scalar.js
var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
var Scalar = class extends NodeBase {
  constructor(value) {
    super(SCALAR);
    this.value = value;
  }
  toJSON(arg, ctx) {
    return ctx?.keep ? this.value : toJS(this.value, arg, ctx);
  }
  toString() {
    return String(this.value);
  }
};
Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
Scalar.PLAIN = "PLAIN";
Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";

// node_modules/yaml/browser/dist/doc/createNode.js
var defaultTagPrefix = "tag:yaml.org,2002:";
function findTagObject(value, tagName, tags) {
  if (tagName) {
    const match = tags.filter((t) => t.tag === tagName);
    const tagObj = match.find((t) => !t.format) ?? match[0];
    if (!tagObj)
      throw new Error(`Tag ${tagName} not found`);
    return tagObj;
  }
  return tags.find((t) => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
  if (isDocument(value))
    value = value.contents;
  if (isNode(value))
    return value;
  if (isPair(value)) {
    const map2 = ctx.schema[MAP].createNode?.(ctx.schema, null, ctx);
    map2.items.push(value);
    return map2;
  }
  if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
    value = value.valueOf();
  }
  const { aliasDuplicateObjects, onAnchor, onTagObj, schema: schema5, sourceObjects } = ctx;
  let ref = void 0;
  if (aliasDuplicateObjects && value && typeof value === "object") {
    ref = sourceObjects.get(value);
    if (ref) {
      ref.anchor ?? (ref.anchor = onAnchor(value));
      return new Alias(ref.anchor);
    } else {
      ref = { anchor: null, node: null };
      sourceObjects.set(value, ref);
    }
  }
  if (tagName?.startsWith("!!"))
    tagName = defaultTagPrefix + tagName.slice(2);
  let tagObj = findTagObject(value, tagName, schema5.tags);
  if (!tagObj) {
    if (value && typeof value.toJSON === "function") {
      value = value.toJSON();
    }
    if (!value || typeof value !== "object") {
      const node2 = new Scalar(value);
      if (ref)
        ref.node = node2;
      return node2;
    }
    tagObj = value instanceof Map ? schema5[MAP] : Symbol.iterator in Object(value) ? schema5[SEQ] : schema5[MAP];
  }
  if (onTagObj) {
    onTagObj(tagObj);
    delete ctx.onTagObj;
  }
  const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar(value);
  if (tagName)
    node.tag = tagName;
  else if (!tagObj.default)
    node.tag = tagObj.tag;
  if (ref)
    ref.node = node;
  return node;
}

// node_modules/yaml/browser/dist/nodes/Collection.js
function collectionFromPath(schema5, path9, value) {
  let v = value;
  for (let i = path9.length - 1; i >= 0; --i) {
    const k = path9[i];
    if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
      const a = [];
      a[k] = v;
      v = a;
    } else {
      v = /* @__PURE__ */ new Map([[k, v]]);
    }
  }
  return createNode(v, void 0, {
    aliasDuplicateObjects: false,
    keepUndefined: false,
    onAnchor: () => {
      throw new Error("This should not happen, please report a bug.");
    },
    schema: schema5,
    sourceObjects: /* @__PURE__ */ new Map()
  });
}
var isEmptyPath = (path9) => path9 == null || typeof path9 === "object" && !!path9[Symbol.iterator]().next().done;
var Collection = class extends NodeBase {
  constructor(type, schema5) {
    super(type);
    Object.defineProperty(this, "schema", {
      value: schema5,
      configurable: true,
      enumerable: false,
      writable: true
    });
  }
  /**
   * Create a copy of this collection.
   *
   * @param schema - If defined, overwrites the original's schema
   */
  clone(schema5) {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (schema5)
      copy.schema = schema5;
    copy.items = copy.items.map((it) => isNode(it) || isPair(it) ? it.clone(schema5) : it);
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /**
   * Adds a value to the collection. For `!!map` and `!!omap` the value must
   * be a Pair instance or a `{ key, value }` object, which may not have a key
   * that already exists in the map.
   */
  addIn(path9, value) {
    if (isEmptyPath(path9))
      this.add(value);
    else {
      const [key, ...rest] = path9;
      const node = this.get(key, true);
      if (isCollection(node))
        node.addIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
  /**
   * Removes a value from the collection.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path9) {
    const [key, ...rest] = path9;
    if (rest.length === 0)
      return this.delete(key);
    const node = this.get(key, true);
    if (isCollection(node))
      return node.deleteIn(rest);
    else
      throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path9, keepScalar) {
    const [key, ...rest] = path9;
    const node = this.get(key, true);
    if (rest.length === 0)
      return !keepScalar && isScalar(node) ? node.value : node;
    else
      return isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
  }
  hasAllNullValues(allowScalar) {
    return this.items.every((node) => {
      if (!isPair(node))
        return false;
      const n = node.value;
      return n == null || allowScalar && isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
    });
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   */
  hasIn(path9) {
    const [key, ...rest] = path9;
    if (rest.length === 0)
      return this.has(key);
    const node = this.get(key, true);
    return isCollection(node) ? node.hasIn(rest) : false;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path9, value) {
    const [key, ...rest] = path9;
    if (rest.length === 0) {
      this.set(key, value);
    } else {
      const node = this.get(key, true);
      if (isCollection(node))
        node.setIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyComment.js
var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
function indentComment(comment, indent) {
  if (/^\n+$/.test(comment))
    return comment.substring(1);
  return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;

// node_modules/yaml/browser/dist/stringify/foldFlowLines.js
var FOLD_FLOW = "flow";
var FOLD_BLOCK = "block";
var FOLD_QUOTED = "quoted";
function foldFlowLines(text3, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
  if (!lineWidth || lineWidth < 0)
    return text3;
  if (lineWidth < minContentWidth)
    minContentWidth = 0;
  const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
  if (text3.length <= endStep)
    return text3;
  const folds = [];
  const escapedFolds = {};
  let end = lineWidth - indent.length;
  if (typeof indentAtStart === "number") {
    if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
      folds.push(0);
    else
      end = lineWidth - indentAtStart;
  }
  let split = void 0;
  let prev = void 0;
  let overflow = false;
  let i = -1;
  let escStart = -1;
  let escEnd = -1;
  if (mode === FOLD_BLOCK) {
    i = consumeMoreIndentedLines(text3, i, indent.length);
    if (i !== -1)
      end = i + endStep;
  }
  for (let ch; ch = text3[i += 1]; ) {
    if (mode === FOLD_QUOTED && ch === "\\") {
      escStart = i;
      switch (text3[i + 1]) {
        case "x":
          i += 3;
          break;
        case "u":
          i += 5;
          break;
        case "U":
          i += 9;
          break;
        default:
          i += 1;
      }
      escEnd = i;
    }
    if (ch === "\n") {
      if (mode === FOLD_BLOCK)
        i = consumeMoreIndentedLines(text3, i, indent.length);
      end = i + indent.length + endStep;
      split = void 0;
    } else {
      if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
        const next = text3[i + 1];
        if (next && next !== " " && next !== "\n" && next !== "	")
          split = i;
      }
      if (i >= end) {
        if (split) {
          folds.push(split);
          end = split + endStep;
          split = void 0;
        } else if (mode === FOLD_QUOTED) {
          while (prev === " " || prev === "	") {
            prev = ch;
            ch = text3[i += 1];
            overflow = true;
          }
          const j = i > escEnd + 1 ? i - 2 : escStart - 1;
          if (escapedFolds[j])
            return text3;
          folds.push(j);
          escapedFolds[j] = true;
          end = j + endStep;
          split = void 0;
        } else {
          overflow = true;
        }
      }
    }
    prev = ch;
  }
  if (overflow && onOverflow)
    onOverflow();
  if (folds.length === 0)
    return text3;
  if (onFold)
    onFold();
  let res = text3.slice(0, folds[0]);
  for (let i2 = 0; i2 < folds.length; ++i2) {
    const fold = folds[i2];
    const end2 = folds[i2 + 1] || text3.length;
    if (fold === 0)
      res = `
${indent}${text3.slice(0, end2)}`;
    else {
      if (mode === FOLD_QUOTED && escapedFolds[fold])
        res += `${text3[fold]}\\`;
      res += `
${indent}${text3.slice(fold + 1, end2)}`;
    }
  }
  return res;
}
function consumeMoreIndentedLines(text3, i, indent) {
  let end = i;
  let start = i + 1;
  let ch = text3[start];
  while (ch === " " || ch === "	") {
    if (i < start + indent) {
      ch = text3[++i];
    } else {
      do {
        ch = text3[++i];
      } while (ch && ch !== "\n");
      end = i;
      start = i + 1;
      ch = text3[start];
    }
  }
  return end;
}

// node_modules/yaml/browser/dist/stringify/stringifyString.js
var getFoldOptions = (ctx, isBlock2) => ({
  indentAtStart: isBlock2 ? ctx.indent.length : ctx.indentAtStart,
  lineWidth: ctx.options.lineWidth,
  minContentWidth: ctx.options.minContentWidth
});
var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
  if (!lineWidth || lineWidth < 0)
    return false;
  const limit = lineWidth - indentLength;
  const strLen = str.length;
  if (strLen <= limit)
    return false;
  for (let i = 0, start = 0; i < strLen; ++i) {
    if (str[i] === "\n") {
      if (i - start > limit)
        return true;
      start = i + 1;
      if (strLen - start <= limit)
        return false;
    }
  }
  return true;
}
function doubleQuotedString(value, ctx) {
  const json = JSON.stringify(value);
  if (ctx.options.doubleQuotedAsJSON)
    return json;
  const { implicitKey } = ctx;
  const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  let str = "";
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
      str += json.slice(start, i) + "\\ ";
      i += 1;
      start = i;
      ch = "\\";
    }
    if (ch === "\\")
      switch (json[i + 1]) {
        case "u":
          {
            str += json.slice(start, i);
            const code = json.substr(i + 2, 4);
            switch (code) {
              case "0000":
                str += "\\0";
                break;
              case "0007":
                str += "\\a";
                break;
              case "000b":
                str += "\\v";
                break;
              case "001b":
                str += "\\e";
                break;
              case "0085":
                str += "\\N";
                break;
              case "00a0":
                str += "\\_";
                break;
              case "2028":
                str += "\\L";
                break;
              case "2029":
                str += "\\P";
                break;
              default:
                if (code.substr(0, 2) === "00")
                  str += "\\x" + code.substr(2);
                else
                  str += json.substr(i, 6);
            }
            i += 5;
            start = i + 1;
          }
          break;
        case "n":
          if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
            i += 1;
          } else {
            str += json.slice(start, i) + "\n\n";
            while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
              str += "\n";
              i += 2;
            }
            str += indent;
            if (json[i + 2] === " ")
              str += "\\";
            i += 1;
            start = i + 1;
          }
          break;
        default:
          i += 1;
      }
  }
  str = start ? str + json.slice(start) : json;
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
  if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
    return doubleQuotedString(value, ctx);
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
  return ctx.implicitKey ? res : foldFlowLines(res, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
  const { singleQuote } = ctx.options;
  let qs;
  if (singleQuote === false)
    qs = doubleQuotedString;
  else {
    const hasDouble = value.includes('"');
    const hasSingle = value.includes("'");
    if (hasDouble && !hasSingle)
      qs = singleQuotedString;
    else if (hasSingle && !hasDouble)
      qs = doubleQuotedString;
    else
      qs = singleQuote ? singleQuotedString : doubleQuotedString;
  }
  return qs(value, ctx);
}
var blockEndNewlines;
try {
  blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
} catch {
  blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
  const { blockQuote, commentString, lineWidth } = ctx.options;
  if (!blockQuote || /\n[\t ]+$/.test(value)) {
    return quotedString(value, ctx);
  }
  const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
  const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.BLOCK_FOLDED ? false : type === Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
  if (!value)
    return literal ? "|\n" : ">\n";
  let chomp;
  let endStart;
  for (endStart = value.length; endStart > 0; --endStart) {
    const ch = value[endStart - 1];
    if (ch !== "\n" && ch !== "	" && ch !== " ")
      break;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf("\n");
  if (endNlPos === -1) {
    chomp = "-";
  } else if (value === end || endNlPos !== end.length - 1) {
    chomp = "+";
    if (onChompKeep)
      onChompKeep();
  } else {
    chomp = "";
  }
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === "\n")
      end = end.slice(0, -1);
    end = end.replace(blockEndNewlines, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd;
  let startNlPos = -1;
  for (startEnd = 0; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === " ")
      startWithSpace = true;
    else if (ch === "\n")
      startNlPos = startEnd;
    else
      break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const indentSize = indent ? "2" : "1";
  let header2 = (startWithSpace ? indentSize : "") + chomp;
  if (comment) {
    header2 += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
    if (onComment)
      onComment();
  }
  if (!literal) {
    const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
    let literalFallback = false;
    const foldOptions = getFoldOptions(ctx, true);
    if (blockQuote !== "folded" && type !== Scalar.BLOCK_FOLDED) {
      foldOptions.onOverflow = () => {
        literalFallback = true;
      };
    }
    const body = foldFlowLines(`${start}${foldedValue}${end}`, indent, FOLD_BLOCK, foldOptions);
    if (!literalFallback)
      return `>${header2}
${indent}${body}`;
  }
  value = value.replace(/\n+/g, `$&${indent}`);
  return `|${header2}
${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
  const { type, value } = item;
  const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
  if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
    return quotedString(value, ctx);
  }
  if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
    return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
  }
  if (!implicitKey && !inFlow && type !== Scalar.PLAIN && value.includes("\n")) {
    return blockString(item, ctx, onComment, onChompKeep);
  }
  if (containsDocumentMarker(value)) {
    if (indent === "") {
      ctx.forceBlockIndent = true;
      return blockString(item, ctx, onComment, onChompKeep);
    } else if (implicitKey && indent === indentStep) {
      return quotedString(value, ctx);
    }
  }
  const str = value.replace(/\n+/g, `$&
${indent}`);
  if (actualString) {
    const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
    const { compat, tags } = ctx.doc.schema;
    if (tags.some(test) || compat?.some(test))
      return quotedString(value, ctx);
  }
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
  const { implicitKey, inFlow } = ctx;
  const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
  let { type } = item;
  if (type !== Scalar.QUOTE_DOUBLE) {
    if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
      type = Scalar.QUOTE_DOUBLE;
  }
  const _stringify = (_type) => {
    switch (_type) {
      case Scalar.BLOCK_FOLDED:
      case Scalar.BLOCK_LITERAL:
        return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
      case Scalar.QUOTE_DOUBLE:
        return doubleQuotedString(ss.value, ctx);
      case Scalar.QUOTE_SINGLE:
        return singleQuotedString(ss.value, ctx);
      case Scalar.PLAIN:
        return plainString(ss, ctx, onComment, onChompKeep);
      default:
        return null;
    }
  };
  let res = _stringify(type);
  if (res === null) {
    const { defaultKeyType, defaultStringType } = ctx.options;
    const t = implicitKey && defaultKeyType || defaultStringType;
    res = _stringify(t);
    if (res === null)
      throw new Error(`Unsupported default string type ${t}`);
  }
  return res;
}

// node_modules/yaml/browser/dist/stringify/stringify.js
function createStringifyContext(doc, options2) {
  const opt = Object.assign({
    blockQuote: true,
    commentString: stringifyComment,
    defaultKeyType: null,
    defaultStringType: "PLAIN",
    directives: null,
    doubleQuotedAsJSON: false,
    doubleQuotedMinMultiLineLength: 40,
    falseStr: "false",
    flowCollectionPadding: true,
    indentSeq: true,
    lineWidth: 80,
    minContentWidth: 20,
    nullStr: "null",
    simpleKeys: false,
    singleQuote: null,
    trailingComma: false,
    trueStr: "true",
    verifyAliasOrder: true
  }, doc.schema.toStringOptions, options2);
  let inFlow;
  switch (opt.collectionStyle) {
    case "block":
      inFlow = false;
      break;
    case "flow":
      inFlow = true;
      break;
    default:
      inFlow = null;
  }
  return {
    anchors: /* @__PURE__ */ new Set(),
    doc,
    flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
    indent: "",
    indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
    inFlow,
    options: opt
  };
}
function getTagObject(tags, item) {
  if (item.tag) {
    const match = tags.filter((t) => t.tag === item.tag);
    if (match.length > 0)
      return match.find((t) => t.format === item.format) ?? match[0];
  }
  let tagObj = void 0;
  let obj;
  if (isScalar(item)) {
    obj = item.value;
    let match = tags.filter((t) => t.identify?.(obj));
    if (match.length > 1) {
      const testMatch = match.filter((t) => t.test);
      if (testMatch.length > 0)
        match = testMatch;
    }
    tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
  } else {
    obj = item;
    tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
  }
  if (!tagObj) {
    const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
    throw new Error(`Tag not resolved for ${name} value`);
  }
  return tagObj;
}
function stringifyProps(node, tagObj, { anchors, doc }) {
  if (!doc.directives)
    return "";
  const props = [];
  const anchor = (isScalar(node) || isCollection(node)) && node.anchor;
  if (anchor && anchorIsValid(anchor)) {
    anchors.add(anchor);
    props.push(`&${anchor}`);
  }
  const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
  if (tag)
    props.push(doc.directives.tagString(tag));
  return props.join(" ");
}
function stringify(item, ctx, onComment, onChompKeep) {
  if (isPair(item))
    return item.toString(ctx, onComment, onChompKeep);
  if (isAlias(item)) {
    if (ctx.doc.directives)
      return item.toString(ctx);
    if (ctx.resolvedAliases?.has(item)) {
      throw new TypeError(`Cannot stringify circular structure without alias nodes`);
    } else {
      if (ctx.resolvedAliases)
        ctx.resolvedAliases.add(item);
      else
        ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
      item = item.resolve(ctx.doc);
    }
  }
  let tagObj = void 0;
  const node = isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
  tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
  const props = stringifyProps(node, tagObj, ctx);
  if (props.length > 0)
    ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
  const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : isScalar(node) ? stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
  if (!props)
    return str;
  return isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
}

// node_modules/yaml/browser/dist/stringify/stringifyPair.js
function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
  const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
  let keyComment = isNode(key) && key.comment || null;
  if (simpleKeys) {
    if (keyComment) {
      throw new Error("With simple keys, key nodes cannot have comments");
    }
    if (isCollection(key) || !isNode(key) && typeof key === "object") {
      const msg = "With simple keys, collection cannot be used as a key value";
      throw new Error(msg);
    }
  }
  let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || isCollection(key) || (isScalar(key) ? key.type === Scalar.BLOCK_FOLDED || key.type === Scalar.BLOCK_LITERAL : typeof key === "object"));
  ctx = Object.assign({}, ctx, {
    allNullValues: false,
    implicitKey: !explicitKey && (simpleKeys || !allNullValues),
    indent: indent + indentStep
  });
  let keyCommentDone = false;
  let chompKeep = false;
  let str = stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
  if (!explicitKey && !ctx.inFlow && str.length > 1024) {
    if (simpleKeys)
      throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
    explicitKey = true;
  }
  if (ctx.inFlow) {
    if (allNullValues || value == null) {
      if (keyCommentDone && onComment)
        onComment();
      return str === "" ? "?" : explicitKey ? `? ${str}` : str;
    }
  } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
    str = `? ${str}`;
    if (keyComment && !keyCommentDone) {
      str += lineComment(str, ctx.indent, commentString(keyComment));
    } else if (chompKeep && onChompKeep)
      onChompKeep();
    return str;
  }
  if (keyCommentDone)
    keyComment = null;
  if (explicitKey) {
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
    str = `? ${str}
${indent}:`;
  } else {
    str = `${str}:`;
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
  }
  let vsb, vcb, valueComment;
  if (isNode(value)) {
    vsb = !!value.spaceBefore;
    vcb = value.commentBefore;
    valueComment = value.comment;
  } else {
    vsb = false;
    vcb = null;
    valueComment = null;
    if (value && typeof value === "object")
      value = doc.createNode(value);
  }
  ctx.implicitKey = false;
  if (!explicitKey && !keyComment && isScalar(value))
    ctx.indentAtStart = str.length + 1;
  chompKeep = false;
  if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && isSeq(value) && !value.flow && !value.tag && !value.anchor) {
    ctx.indent = ctx.indent.substring(2);
  }
  let valueCommentDone = false;
  const valueStr = stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
  let ws = " ";
  if (keyComment || vsb || vcb) {
    ws = vsb ? "\n" : "";
    if (vcb) {
      const cs = commentString(vcb);
      ws += `
${indentComment(cs, ctx.indent)}`;
    }
    if (valueStr === "" && !ctx.inFlow) {
      if (ws === "\n" && valueComment)
        ws = "\n\n";
    } else {
      ws += `
${ctx.indent}`;
    }
  } else if (!explicitKey && isCollection(value)) {
    const vs0 = valueStr[0];
    const nl0 = valueStr.indexOf("\n");
    const hasNewline = nl0 !== -1;
    const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
    if (hasNewline || !flow) {
      let hasPropsLine = false;
      if (hasNewline && (vs0 === "&" || vs0 === "!")) {
        let sp0 = valueStr.indexOf(" ");
        if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
          sp0 = valueStr.indexOf(" ", sp0 + 1);
        }
        if (sp0 === -1 || nl0 < sp0)
          hasPropsLine = true;
      }
      if (!hasPropsLine)
        ws = `
${ctx.indent}`;
    }
  } else if (valueStr === "" || valueStr[0] === "\n") {
    ws = "";
  }
  str += ws + valueStr;
  if (ctx.inFlow) {
    if (valueCommentDone && onComment)
      onComment();
  } else if (valueComment && !valueCommentDone) {
    str += lineComment(str, ctx.indent, commentString(valueComment));
  } else if (chompKeep && onChompKeep) {
    onChompKeep();
  }
  return str;
}

// node_modules/yaml/browser/dist/log.js
function warn(logLevel, warning) {
  if (logLevel === "debug" || logLevel === "warn") {
    console.warn(warning);
  }
}

// node_modules/yaml/browser/dist/schema/yaml-1.1/merge.js
var MERGE_KEY = "<<";
var merge = {
  identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
  default: "key",
  tag: "tag:yaml.org,2002:merge",
  test: /^<<$/,
  resolve: () => Object.assign(new Scalar(Symbol(MERGE_KEY)), {
    addToJSMap: addMergeToJSMap
  }),
  stringify: () => MERGE_KEY
};
var isMergeKey = (ctx, key) => (merge.identify(key) || isScalar(key) && (!key.type || key.type === Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (isSeq(source))
    for (const it of source.items)
      mergeValue(ctx, map2, it);
  else if (Array.isArray(source))
    for (const it of source)
      mergeValue(ctx, map2, it);
  else
    mergeValue(ctx, map2, source);
}
function mergeValue(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (!isMap(source))
    throw new Error("Merge sources must be maps or map aliases");
  const srcMap = source.toJSON(null, ctx, Map);
  for (const [key, value2] of srcMap) {
    if (map2 instanceof Map) {
      if (!map2.has(key))
        map2.set(key, value2);
    } else if (map2 instanceof Set) {
      map2.add(key);
    } else if (!Object.prototype.hasOwnProperty.call(map2, key)) {
      Object.defineProperty(map2, key, {
        value: value2,
        writable: true,
        enumerable: true,
        configurable: true
      });
    }
  }
  return map2;
}
function resolveAliasValue(ctx, value) {
  return ctx && isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

// node_modules/yaml/browser/dist/nodes/addPairToJSMap.js
function addPairToJSMap(ctx, map2, { key, value }) {
  if (isNode(key) && key.addToJSMap)
    key.addToJSMap(ctx, map2, value);
  else if (isMergeKey(ctx, key))
    addMergeToJSMap(ctx, map2, value);
  else {
    const jsKey = toJS(key, "", ctx);
    if (map2 instanceof Map) {
      map2.set(jsKey, toJS(value, jsKey, ctx));
    } else if (map2 instanceof Set) {
      map2.add(jsKey);
    } else {
      const stringKey = stringifyKey(key, jsKey, ctx);
      const jsValue = toJS(value, stringKey, ctx);
      if (stringKey in map2)
        Object.defineProperty(map2, stringKey, {
          value: jsValue,
          writable: true,
          enumerable: true,
          configurable: true
        });
      else
        map2[stringKey] = jsValue;
    }
  }
  return map2;
}
function stringifyKey(key, jsKey, ctx) {
  if (jsKey === null)
    return "";
  if (typeof jsKey !== "object")
    return String(jsKey);
  if (isNode(key) && ctx?.doc) {
    const strCtx = createStringifyContext(ctx.doc, {});
    strCtx.anchors = /* @__PURE__ */ new Set();
    for (const node of ctx.anchors.keys())
      strCtx.anchors.add(node.anchor);
    strCtx.inFlow = true;
    strCtx.inStringifyKey = true;
    const strKey = key.toString(strCtx);
    if (!ctx.mapKeyWarned) {
      let jsonStr = JSON.stringify(strKey);
      if (jsonStr.length > 40)
        jsonStr = jsonStr.substring(0, 36) + '..."';
      warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
      ctx.mapKeyWarned = true;
    }
    return strKey;
  }
  return JSON.stringify(jsKey);
}

// node_modules/yaml/browser/dist/nodes/Pair.js
function createPair(key, value, ctx) {
  const k = createNode(key, void 0, ctx);
  const v = createNode(value, void 0, ctx);
  return new Pair(k, v);
}
var Pair = class _Pair {
  constructor(key, value = null) {
    Object.defineProperty(this, NODE_TYPE, { value: PAIR });
    this.key = key;
    this.value = value;
  }
  clone(schema5) {
    let { key, value } = this;
    if (isNode(key))
      key = key.clone(schema5);
    if (isNode(value))
      value = value.clone(schema5);
    return new _Pair(key, value);
  }
  toJSON(_, ctx) {
    const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    return addPairToJSMap(ctx, pair, this);
  }
  toString(ctx, onComment, onChompKeep) {
    return ctx?.doc ? stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyCollection.js
function stringifyCollection(collection, ctx, options2) {
  const flow = ctx.inFlow ?? collection.flow;
  const stringify4 = flow ? stringifyFlowCollection : stringifyBlockCollection;
  return stringify4(collection, ctx, options2);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
  const { indent, options: { commentString } } = ctx;
  const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
  let chompKeep = false;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment2 = null;
    if (isNode(item)) {
      if (!chompKeep && item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
      if (item.comment)
        comment2 = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (!chompKeep && ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
      }
    }
    chompKeep = false;
    let str2 = stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
    if (comment2)
      str2 += lineComment(str2, itemIndent, commentString(comment2));
    if (chompKeep && comment2)
      chompKeep = false;
    lines.push(blockItemPrefix + str2);
  }
  let str;
  if (lines.length === 0) {
    str = flowChars.start + flowChars.end;
  } else {
    str = lines[0];
    for (let i = 1; i < lines.length; ++i) {
      const line = lines[i];
      str += line ? `
${indent}${line}` : "\n";
    }
  }
  if (comment) {
    str += "\n" + indentComment(commentString(comment), indent);
    if (onComment)
      onComment();
  } else if (chompKeep && onChompKeep)
    onChompKeep();
  return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
  const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
  itemIndent += indentStep;
  const itemCtx = Object.assign({}, ctx, {
    indent: itemIndent,
    inFlow: true,
    type: null
  });
  let reqNewline = false;
  let linesAtValue = 0;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment = null;
    if (isNode(item)) {
      if (item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, false);
      if (item.comment)
        comment = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, false);
        if (ik.comment)
          reqNewline = true;
      }
      const iv = isNode(item.value) ? item.value : null;
      if (iv) {
        if (iv.comment)
          comment = iv.comment;
        if (iv.commentBefore)
          reqNewline = true;
      } else if (item.value == null && ik?.comment) {
        comment = ik.comment;
      }
    }
    if (comment)
      reqNewline = true;
    let str = stringify(item, itemCtx, () => comment = null);
    reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
    if (i < items.length - 1) {
      str += ",";
    } else if (ctx.options.trailingComma) {
      if (ctx.options.lineWidth > 0) {
        reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
      }
      if (reqNewline) {
        str += ",";
      }
    }
    if (comment)
      str += lineComment(str, itemIndent, commentString(comment));
    lines.push(str);
    linesAtValue = lines.length;
  }
  const { start, end } = flowChars;
  if (lines.length === 0) {
    return start + end;
  } else {
    if (!reqNewline) {
      const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
      reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
    }
    if (reqNewline) {
      let str = start;
      for (const line of lines)
        str += line ? `
${indentStep}${indent}${line}` : "\n";
      return `${str}
${indent}${end}`;
    } else {
      return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
    }
  }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
  if (comment && chompKeep)
    comment = comment.replace(/^\n+/, "");
  if (comment) {
    const ic = indentComment(commentString(comment), indent);
    lines.push(ic.trimStart());
  }
}

// node_modules/yaml/browser/dist/nodes/YAMLMap.js
function findPair(items, key) {
  const k = isScalar(key) ? key.value : key;
  for (const it of items) {
    if (isPair(it)) {
      if (it.key === key || it.key === k)
        return it;
      if (isScalar(it.key) && it.key.value === k)
        return it;
    }
  }
  return void 0;
}
var YAMLMap = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:map";
  }
  constructor(schema5) {
    super(MAP, schema5);
    this.items = [];
  }
  /**
   * A generic collection parsing method that can be extended
   * to other node classes that inherit from YAMLMap
   */
  static from(schema5, obj, ctx) {
    const { keepUndefined, replacer } = ctx;
    const map2 = new this(schema5);
    const add = (key, value) => {
      if (typeof replacer === "function")
        value = replacer.call(obj, key, value);
      else if (Array.isArray(replacer) && !replacer.includes(key))
        return;
      if (value !== void 0 || keepUndefined)
        map2.items.push(createPair(key, value, ctx));
    };
    if (obj instanceof Map) {
      for (const [key, value] of obj)
        add(key, value);
    } else if (obj && typeof obj === "object") {
      for (const key of Object.keys(obj))
        add(key, obj[key]);
    }
    if (typeof schema5.sortMapEntries === "function") {
      map2.items.sort(schema5.sortMapEntries);
    }
    return map2;
  }
  /**
   * Adds a value to the collection.
   *
   * @param overwrite - If not set `true`, using a key that is already in the
   *   collection will throw. Otherwise, overwrites the previous value.
   */
  add(pair, overwrite) {
    let _pair;
    if (isPair(pair))
      _pair = pair;
    else if (!pair || typeof pair !== "object" || !("key" in pair)) {
      _pair = new Pair(pair, pair?.value);
    } else
      _pair = new Pair(pair.key, pair.value);
    const prev = findPair(this.items, _pair.key);
    const sortEntries = this.schema?.sortMapEntries;
    if (prev) {
      if (!overwrite)
        throw new Error(`Key ${_pair.key} already set`);
      if (isScalar(prev.value) && isScalarValue(_pair.value))
        prev.value.value = _pair.value;
      else
        prev.value = _pair.value;
    } else if (sortEntries) {
      const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
      if (i === -1)
        this.items.push(_pair);
      else
        this.items.splice(i, 0, _pair);
    } else {
      this.items.push(_pair);
    }
  }
  delete(key) {
    const it = findPair(this.items, key);
    if (!it)
      return false;
    const del = this.items.splice(this.items.indexOf(it), 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const it = findPair(this.items, key);
    const node = it?.value;
    return (!keepScalar && isScalar(node) ? node.value : node) ?? void 0;
  }
  has(key) {
    return !!findPair(this.items, key);
  }
  set(key, value) {
    this.add(new Pair(key, value), true);
  }
  /**
   * @param ctx - Conversion context, originally set in Document#toJS()
   * @param {Class} Type - If set, forces the returned collection type
   * @returns Instance of Type, Map, or Object
   */
  toJSON(_, ctx, Type) {
    const map2 = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const item of this.items)
      addPairToJSMap(ctx, map2, item);
    return map2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    for (const item of this.items) {
      if (!isPair(item))
        throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
    }
    if (!ctx.allNullValues && this.hasAllNullValues(false))
      ctx = Object.assign({}, ctx, { allNullValues: true });
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "",
      flowChars: { start: "{", end: "}" },
      itemIndent: ctx.indent || "",
      onChompKeep,
      onComment
    });
  }
};

// node_modules/yaml/browser/dist/schema/common/map.js
var map = {
  collection: "map",
  default: true,
  nodeClass: YAMLMap,
  tag: "tag:yaml.org,2002:map",
  resolve(map2, onError) {
    if (!isMap(map2))
      onError("Expected a mapping for this tag");
    return map2;
  },
  createNode: (schema5, obj, ctx) => YAMLMap.from(schema5, obj, ctx)
};

// node_modules/yaml/browser/dist/nodes/YAMLSeq.js
var YAMLSeq = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:seq";
  }
  constructor(schema5) {
    super(SEQ, schema5);
    this.items = [];
  }
  add(value) {
    this.items.push(value);
  }
  /**
   * Removes a value from the collection.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   *
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return false;
    const del = this.items.splice(idx, 1);
    return del.length > 0;
  }
  get(key, keepScalar) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      return void 0;
    const it = this.items[idx];
    return !keepScalar && isScalar(it) ? it.value : it;
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   */
  has(key) {
    const idx = asItemIndex(key);
    return typeof idx === "number" && idx < this.items.length;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   *
   * If `key` does not contain a representation of an integer, this will throw.
   * It may be wrapped in a `Scalar`.
   */
  set(key, value) {
    const idx = asItemIndex(key);
    if (typeof idx !== "number")
      throw new Error(`Expected a valid index, not ${key}.`);
    const prev = this.items[idx];
    if (isScalar(prev) && isScalarValue(value))
      prev.value = value;
    else
      this.items[idx] = value;
  }
  toJSON(_, ctx) {
    const seq2 = [];
    if (ctx?.onCreate)
      ctx.onCreate(seq2);
    let i = 0;
    for (const item of this.items)
      seq2.push(toJS(item, String(i++), ctx));
    return seq2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "- ",
      flowChars: { start: "[", end: "]" },
      itemIndent: (ctx.indent || "") + "  ",
      onChompKeep,
      onComment
    });
  }
  static from(schema5, obj, ctx) {
    const { replacer } = ctx;
    const seq2 = new this(schema5);
    if (obj && Symbol.iterator in Object(obj)) {
      let i = 0;
      for (let it of obj) {
        if (typeof replacer === "function") {
          const key = obj instanceof Set ? it : String(i++);
          it = replacer.call(obj, key, it);
        }
        seq2.items.push(createNode(it, void 0, ctx));
      }
    }
    return seq2;
  }
};
function asItemIndex(key) {
  let idx = isScalar(key) ? key.value : key;
  if (idx && typeof idx === "string")
    idx = Number(idx);
  return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
}

// node_modules/yaml/browser/dist/schema/common/seq.js
var seq = {
  collection: "seq",
  default: true,
  nodeClass: YAMLSeq,
  tag: "tag:yaml.org,2002:seq",
  resolve(seq2, onError) {
    if (!isSeq(seq2))
      onError("Expected a sequence for this tag");
    return seq2;
  },
  createNode: (schema5, obj, ctx) => YAMLSeq.from(schema5, obj, ctx)
};

// node_modules/yaml/browser/dist/schema/common/string.js
var string = {
  identify: (value) => typeof value === "string",
  default: true,
  tag: "tag:yaml.org,2002:str",
  resolve: (str) => str,
  stringify(item, ctx, onComment, onChompKeep) {
    ctx = Object.assign({ actualString: true }, ctx);
    return stringifyString(item, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/common/null.js
var nullTag = {
  identify: (value) => value == null,
  createNode: () => new Scalar(null),
  default: true,
  tag: "tag:yaml.org,2002:null",
  test: /^(?:~|[Nn]ull|NULL)?$/,
  resolve: () => new Scalar(null),
  stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
};

// node_modules/yaml/browser/dist/schema/core/bool.js
var boolTag = {
  identify: (value) => typeof value === "boolean",
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  resolve: (str) => new Scalar(str[0] === "t" || str[0] === "T"),
  stringify({ source, value }, ctx) {
    if (source && boolTag.test.test(source)) {
      const sv = source[0] === "t" || source[0] === "T";
      if (value === sv)
        return source;
    }
    return value ? ctx.options.trueStr : ctx.options.falseStr;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyNumber.js
function stringifyNumber({ format, minFractionDigits, tag, value }) {
  if (typeof value === "bigint")
    return String(value);
  const num = typeof value === "number" ? value : Number(value);
  if (!isFinite(num))
    return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
  let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
  if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
    let i = n.indexOf(".");
    if (i < 0) {
      i = n.length;
      n += ".";
    }
    let d = minFractionDigits - (n.length - i - 1);
    while (d-- > 0)
      n += "0";
  }
  return n;
}

// node_modules/yaml/browser/dist/schema/core/float.js
var floatNaN = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str));
    const dot = str.indexOf(".");
    if (dot !== -1 && str[str.length - 1] === "0")
      node.minFractionDigits = str.length - dot - 1;
    return node;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/core/int.js
var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
function intStringify(node, radix, prefix) {
  const { value } = node;
  if (intIdentify(value) && value >= 0)
    return prefix + value.toString(radix);
  return stringifyNumber(node);
}
var intOct = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^0o[0-7]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
  stringify: (node) => intStringify(node, 8, "0o")
};
var int = {
  identify: intIdentify,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^0x[0-9a-fA-F]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
  stringify: (node) => intStringify(node, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/core/schema.js
var schema = [
  map,
  seq,
  string,
  nullTag,
  boolTag,
  intOct,
  int,
  intHex,
  floatNaN,
  floatExp,
  float
];

// node_modules/yaml/browser/dist/schema/json/schema.js
function intIdentify2(value) {
  return typeof value === "bigint" || Number.isInteger(value);
}
var stringifyJSON = ({ value }) => JSON.stringify(value);
var jsonScalars = [
  {
    identify: (value) => typeof value === "string",
    default: true,
    tag: "tag:yaml.org,2002:str",
    resolve: (str) => str,
    stringify: stringifyJSON
  },
  {
    identify: (value) => value == null,
    createNode: () => new Scalar(null),
    default: true,
    tag: "tag:yaml.org,2002:null",
    test: /^null$/,
    resolve: () => null,
    stringify: stringifyJSON
  },
  {
    identify: (value) => typeof value === "boolean",
    default: true,
    tag: "tag:yaml.org,2002:bool",
    test: /^true$|^false$/,
    resolve: (str) => str === "true",
    stringify: stringifyJSON
  },
  {
    identify: intIdentify2,
    default: true,
    tag: "tag:yaml.org,2002:int",
    test: /^-?(?:0|[1-9][0-9]*)$/,
    resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
    stringify: ({ value }) => intIdentify2(value) ? value.toString() : JSON.stringify(value)
  },
  {
    identify: (value) => typeof value === "number",
    default: true,
    tag: "tag:yaml.org,2002:float",
    test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
    resolve: (str) => parseFloat(str),
    stringify: stringifyJSON
  }
];
var jsonError = {
  default: true,
  tag: "",
  test: /^/,
  resolve(str, onError) {
    onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
    return str;
  }
};
var schema2 = [map, seq].concat(jsonScalars, jsonError);

// node_modules/yaml/browser/dist/schema/yaml-1.1/binary.js
var binary = {
  identify: (value) => value instanceof Uint8Array,
  // Buffer inherits from Uint8Array
  default: false,
  tag: "tag:yaml.org,2002:binary",
  /**
   * Returns a Buffer in node and an Uint8Array in browsers
   *
   * To use the resulting buffer as an image, you'll want to do something like:
   *
   *   const blob = new Blob([buffer], { type: 'image/jpeg' })
   *   document.querySelector('#photo').src = URL.createObjectURL(blob)
   */
  resolve(src, onError) {
    if (typeof atob === "function") {
      const str = atob(src.replace(/[\n\r]/g, ""));
      const buffer = new Uint8Array(str.length);
      for (let i = 0; i < str.length; ++i)
        buffer[i] = str.charCodeAt(i);
      return buffer;
    } else {
      onError("This environment does not support reading binary tags; either Buffer or atob is required");
      return src;
    }
  },
  stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
    if (!value)
      return "";
    const buf = value;
    let str;
    if (typeof btoa === "function") {
      let s = "";
      for (let i = 0; i < buf.length; ++i)
        s += String.fromCharCode(buf[i]);
      str = btoa(s);
    } else {
      throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
    }
    type ?? (type = Scalar.BLOCK_LITERAL);
    if (type !== Scalar.QUOTE_DOUBLE) {
      const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
      const n = Math.ceil(str.length / lineWidth);
      const lines = new Array(n);
      for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
        lines[i] = str.substr(o, lineWidth);
      }
      str = lines.join(type === Scalar.BLOCK_LITERAL ? "\n" : " ");
    }
    return stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/pairs.js
function resolvePairs(seq2, onError) {
  if (isSeq(seq2)) {
    for (let i = 0; i < seq2.items.length; ++i) {
      let item = seq2.items[i];
      if (isPair(item))
        continue;
      else if (isMap(item)) {
        if (item.items.length > 1)
          onError("Each pair must have its own sequence indicator");
        const pair = item.items[0] || new Pair(new Scalar(null));
        if (item.commentBefore)
          pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
        if (item.comment) {
          const cn = pair.value ?? pair.key;
          cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
        }
        item = pair;
      }
      seq2.items[i] = isPair(item) ? item : new Pair(item);
    }
  } else
    onError("Expected a sequence for this tag");
  return seq2;
}
function createPairs(schema5, iterable, ctx) {
  const { replacer } = ctx;
  const pairs2 = new YAMLSeq(schema5);
  pairs2.tag = "tag:yaml.org,2002:pairs";
  let i = 0;
  if (iterable && Symbol.iterator in Object(iterable))
    for (let it of iterable) {
      if (typeof replacer === "function")
        it = replacer.call(iterable, String(i++), it);
      let key, value;
      if (Array.isArray(it)) {
        if (it.length === 2) {
          key = it[0];
          value = it[1];
        } else
          throw new TypeError(`Expected [key, value] tuple: ${it}`);
      } else if (it && it instanceof Object) {
        const keys = Object.keys(it);
        if (keys.length === 1) {
          key = keys[0];
          value = it[key];
        } else {
          throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
        }
      } else {
        key = it;
      }
      pairs2.items.push(createPair(key, value, ctx));
    }
  return pairs2;
}
var pairs = {
  collection: "seq",
  default: false,
  tag: "tag:yaml.org,2002:pairs",
  resolve: resolvePairs,
  createNode: createPairs
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/omap.js
var YAMLOMap = class _YAMLOMap extends YAMLSeq {
  constructor() {
    super();
    this.add = YAMLMap.prototype.add.bind(this);
    this.delete = YAMLMap.prototype.delete.bind(this);
    this.get = YAMLMap.prototype.get.bind(this);
    this.has = YAMLMap.prototype.has.bind(this);
    this.set = YAMLMap.prototype.set.bind(this);
    this.tag = _YAMLOMap.tag;
  }
  /**
   * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
   * but TypeScript won't allow widening the signature of a child method.
   */
  toJSON(_, ctx) {
    if (!ctx)
      return super.toJSON(_);
    const map2 = /* @__PURE__ */ new Map();
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const pair of this.items) {
      let key, value;
      if (isPair(pair)) {
        key = toJS(pair.key, "", ctx);
        value = toJS(pair.value, key, ctx);
      } else {
        key = toJS(pair, "", ctx);
      }
      if (map2.has(key))
        throw new Error("Ordered maps must not include duplicate keys");
      map2.set(key, value);
    }
    return map2;
  }
  static from(schema5, iterable, ctx) {
    const pairs2 = createPairs(schema5, iterable, ctx);
    const omap2 = new this();
    omap2.items = pairs2.items;
    return omap2;
  }
};
YAMLOMap.tag = "tag:yaml.org,2002:omap";
var omap = {
  collection: "seq",
  identify: (value) => value instanceof Map,
  nodeClass: YAMLOMap,
  default: false,
  tag: "tag:yaml.org,2002:omap",
  resolve(seq2, onError) {
    const pairs2 = resolvePairs(seq2, onError);
    const seenKeys = [];
    for (const { key } of pairs2.items) {
      if (isScalar(key)) {
        if (seenKeys.includes(key.value)) {
          onError(`Ordered maps must not include duplicate keys: ${key.value}`);
        } else {
          seenKeys.push(key.value);
        }
      }
    }
    return Object.assign(new YAMLOMap(), pairs2);
  },
  createNode: (schema5, iterable, ctx) => YAMLOMap.from(schema5, iterable, ctx)
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/bool.js
function boolStringify({ value, source }, ctx) {
  const boolObj = value ? trueTag : falseTag;
  if (source && boolObj.test.test(source))
    return source;
  return value ? ctx.options.trueStr : ctx.options.falseStr;
}
var trueTag = {
  identify: (value) => value === true,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  resolve: () => new Scalar(true),
  stringify: boolStringify
};
var falseTag = {
  identify: (value) => value === false,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  resolve: () => new Scalar(false),
  stringify: boolStringify
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/float.js
var floatNaN2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str.replace(/_/g, "")),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str.replace(/_/g, "")));
    const dot = str.indexOf(".");
    if (dot !== -1) {
      const f = str.substring(dot + 1).replace(/_/g, "");
      if (f[f.length - 1] === "0")
        node.minFractionDigits = f.length;
    }
    return node;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/int.js
var intIdentify3 = (value) => typeof value === "bigint" || Number.isInteger(value);
function intResolve2(str, offset, radix, { intAsBigInt }) {
  const sign = str[0];
  if (sign === "-" || sign === "+")
    offset += 1;
  str = str.substring(offset).replace(/_/g, "");
  if (intAsBigInt) {
    switch (radix) {
      case 2:
        str = `0b${str}`;
        break;
      case 8:
        str = `0o${str}`;
        break;
      case 16:
        str = `0x${str}`;
        break;
    }
    const n2 = BigInt(str);
    return sign === "-" ? BigInt(-1) * n2 : n2;
  }
  const n = parseInt(str, radix);
  return sign === "-" ? -1 * n : n;
}
function intStringify2(node, radix, prefix) {
  const { value } = node;
  if (intIdentify3(value)) {
    const str = value.toString(radix);
    return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
  }
  return stringifyNumber(node);
}
var intBin = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "BIN",
  test: /^[-+]?0b[0-1_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 2, opt),
  stringify: (node) => intStringify2(node, 2, "0b")
};
var intOct2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^[-+]?0[0-7_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 1, 8, opt),
  stringify: (node) => intStringify2(node, 8, "0")
};
var int2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9][0-9_]*$/,
  resolve: (str, _onError, opt) => intResolve2(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^[-+]?0x[0-9a-fA-F_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 16, opt),
  stringify: (node) => intStringify2(node, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/set.js
var YAMLSet = class _YAMLSet extends YAMLMap {
  constructor(schema5) {
    super(schema5);
    this.tag = _YAMLSet.tag;
  }
  add(key) {
    let pair;
    if (isPair(key))
      pair = key;
    else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
      pair = new Pair(key.key, null);
    else
      pair = new Pair(key, null);
    const prev = findPair(this.items, pair.key);
    if (!prev)
      this.items.push(pair);
  }
  /**
   * If `keepPair` is `true`, returns the Pair matching `key`.
   * Otherwise, returns the value of that Pair's key.
   */
  get(key, keepPair) {
    const pair = findPair(this.items, key);
    return !keepPair && isPair(pair) ? isScalar(pair.key) ? pair.key.value : pair.key : pair;
  }
  set(key, value) {
    if (typeof value !== "boolean")
      throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
    const prev = findPair(this.items, key);
    if (prev && !value) {
      this.items.splice(this.items.indexOf(prev), 1);
    } else if (!prev && value) {
      this.items.push(new Pair(key));
    }
  }
  toJSON(_, ctx) {
    return super.toJSON(_, ctx, Set);
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    if (this.hasAllNullValues(true))
      return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
    else
      throw new Error("Set items must all have null values");
  }
  static from(schema5, iterable, ctx) {
    const { replacer } = ctx;
    const set2 = new this(schema5);
    if (iterable && Symbol.iterator in Object(iterable))
      for (let value of iterable) {
        if (typeof replacer === "function")
          value = replacer.call(iterable, value, value);
        set2.items.push(createPair(value, null, ctx));
      }
    return set2;
  }
};
YAMLSet.tag = "tag:yaml.org,2002:set";
var set = {
  collection: "map",
  identify: (value) => value instanceof Set,
  nodeClass: YAMLSet,
  default: false,
  tag: "tag:yaml.org,2002:set",
  createNode: (schema5, iterable, ctx) => YAMLSet.from(schema5, iterable, ctx),
  resolve(map2, onError) {
    if (isMap(map2)) {
      if (map2.hasAllNullValues(true))
        return Object.assign(new YAMLSet(), map2);
      else
        onError("Set items must all have null values");
    } else
      onError("Expected a mapping for this tag");
    return map2;
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/timestamp.js
function parseSexagesimal(str, asBigInt) {
  const sign = str[0];
  const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
  const num = (n) => asBigInt ? BigInt(n) : Number(n);
  const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
  return sign === "-" ? num(-1) * res : res;
}
function stringifySexagesimal(node) {
  let { value } = node;
  let num = (n) => n;
  if (typeof value === "bigint")
    num = (n) => BigInt(n);
  else if (isNaN(value) || !isFinite(value))
    return stringifyNumber(node);
  let sign = "";
  if (value < 0) {
    sign = "-";
    value *= num(-1);
  }
  const _60 = num(60);
  const parts = [value % _60];
  if (value < 60) {
    parts.unshift(0);
  } else {
    value = (value - parts[0]) / _60;
    parts.unshift(value % _60);
    if (value >= 60) {
      value = (value - parts[0]) / _60;
      parts.unshift(value);
    }
  }
  return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
}
var intTime = {
  identify: (value) => typeof value === "bigint" || Number.isInteger(value),
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
  stringify: stringifySexagesimal
};
var floatTime = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  resolve: (str) => parseSexagesimal(str, false),
  stringify: stringifySexagesimal
};
var timestamp = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: "tag:yaml.org,2002:timestamp",
  // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
  // may be omitted altogether, resulting in a date format. In such a case, the time part is
  // assumed to be 00:00:00Z (start of day, UTC).
  test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
  resolve(str) {
    const match = str.match(timestamp.test);
    if (!match)
      throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
    const [, year, month, day, hour, minute, second] = match.map(Number);
    const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
    let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
    const tz = match[8];
    if (tz && tz !== "Z") {
      let d = parseSexagesimal(tz, false);
      if (Math.abs(d) < 30)
        d *= 60;
      date -= 6e4 * d;
    }
    return new Date(date);
  },
  stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/schema.js
var schema3 = [
  map,
  seq,
  string,
  nullTag,
  trueTag,
  falseTag,
  intBin,
  intOct2,
  int2,
  intHex2,
  floatNaN2,
  floatExp2,
  float2,
  binary,
  merge,
  omap,
  pairs,
  set,
  intTime,
  floatTime,
  timestamp
];

// node_modules/yaml/browser/dist/schema/tags.js
var schemas = /* @__PURE__ */ new Map([
  ["core", schema],
  ["failsafe", [map, seq, string]],
  ["json", schema2],
  ["yaml11", schema3],
  ["yaml-1.1", schema3]
]);
var tagsByName = {
  binary,
  bool: boolTag,
  float,
  floatExp,
  floatNaN,
  floatTime,
  int,
  intHex,
  intOct,
  intTime,
  map,
  merge,
  null: nullTag,
  omap,
  pairs,
  seq,
  set,
  timestamp
};
var coreKnownTags = {
  "tag:yaml.org,2002:binary": binary,
  "tag:yaml.org,2002:merge": merge,
  "tag:yaml.org,2002:omap": omap,
  "tag:yaml.org,2002:pairs": pairs,
  "tag:yaml.org,2002:set": set,
  "tag:yaml.org,2002:timestamp": timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
  const schemaTags = schemas.get(schemaName);
  if (schemaTags && !customTags) {
    return addMergeTag && !schemaTags.includes(merge) ? schemaTags.concat(merge) : schemaTags.slice();
  }
  let tags = schemaTags;
  if (!tags) {
    if (Array.isArray(customTags))
      tags = [];
    else {
      const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
    }
  }
  if (Array.isArray(customTags)) {
    for (const tag of customTags)
      tags = tags.concat(tag);
  } else if (typeof customTags === "function") {
    tags = customTags(tags.slice());
  }
  if (addMergeTag)
    tags = tags.concat(merge);
  return tags.reduce((tags2, tag) => {
    const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
    if (!tagObj) {
      const tagName = JSON.stringify(tag);
      const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
      throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
    }
    if (!tags2.includes(tagObj))
      tags2.push(tagObj);
    return tags2;
  }, []);
}

// node_modules/yaml/browser/dist/schema/Schema.js
var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
var Schema = class _Schema {
  constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema: schema5, sortMapEntries, toStringDefaults }) {
    this.compat = Array.isArray(compat) ? getTags(compat, "compat") : compat ? getTags(null, compat) : null;
    this.name = typeof schema5 === "string" && schema5 || "core";
    this.knownTags = resolveKnownTags ? coreKnownTags : {};
    this.tags = getTags(customTags, this.name, merge2);
    this.toStringOptions = toStringDefaults ?? null;
    Object.defineProperty(this, MAP, { value: map });
    Object.defineProperty(this, SCALAR, { value: string });
    Object.defineProperty(this, SEQ, { value: seq });
    this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
  }
  clone() {
    const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
    copy.tags = this.tags.slice();
    return copy;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyDocument.js
function stringifyDocument(doc, options2) {
  const lines = [];
  let hasDirectives = options2.directives === true;
  if (options2.directives !== false && doc.directives) {
    const dir = doc.directives.toString(doc);
    if (dir) {
      lines.push(dir);
      hasDirectives = true;
    } else if (doc.directives.docStart)
      hasDirectives = true;
  }
  if (hasDirectives)
    lines.push("---");
  const ctx = createStringifyContext(doc, options2);
  const { commentString } = ctx.options;
  if (doc.commentBefore) {
    if (lines.length !== 1)
      lines.unshift("");
    const cs = commentString(doc.commentBefore);
    lines.unshift(indentComment(cs, ""));
  }
  let chompKeep = false;
  let contentComment = null;
  if (doc.contents) {
    if (isNode(doc.contents)) {
      if (doc.contents.spaceBefore && hasDirectives)
        lines.push("");
      if (doc.contents.commentBefore) {
        const cs = commentString(doc.contents.commentBefore);
        lines.push(indentComment(cs, ""));
      }
      ctx.forceBlockIndent = !!doc.comment;
      contentComment = doc.contents.comment;
    }
    const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
    let body = stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
    if (contentComment)
      body += lineComment(body, "", commentString(contentComment));
    if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
      lines[lines.length - 1] = `--- ${body}`;
    } else
      lines.push(body);
  } else {
    lines.push(stringify(doc.contents, ctx));
  }
  if (doc.directives?.docEnd) {
    if (doc.comment) {
      const cs = commentString(doc.comment);
      if (cs.includes("\n")) {
        lines.push("...");
        lines.push(indentComment(cs, ""));
      } else {
        lines.push(`... ${cs}`);
      }
    } else {
      lines.push("...");
    }
  } else {
    let dc = doc.comment;
    if (dc && chompKeep)
      dc = dc.replace(/^\n+/, "");
    if (dc) {
      if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
        lines.push("");
      lines.push(indentComment(commentString(dc), ""));
    }
  }
  return lines.join("\n") + "\n";
}

// node_modules/yaml/browser/dist/doc/Document.js
var Document = class _Document {
  constructor(value, replacer, options2) {
    this.commentBefore = null;
    this.comment = null;
    this.errors = [];
    this.warnings = [];
    Object.defineProperty(this, NODE_TYPE, { value: DOC });
    let _replacer = null;
    if (typeof replacer === "function" || Array.isArray(replacer)) {
      _replacer = replacer;
    } else if (options2 === void 0 && replacer) {
      options2 = replacer;
      replacer = void 0;
    }
    const opt = Object.assign({
      intAsBigInt: false,
      keepSourceTokens: false,
      logLevel: "warn",
      prettyErrors: true,
      strict: true,
      stringKeys: false,
      uniqueKeys: true,
      version: "1.2"
    }, options2);
    this.options = opt;
    let { version } = opt;
    if (options2?._directives) {
      this.directives = options2._directives.atDocument();
      if (this.directives.yaml.explicit)
        version = this.directives.yaml.version;
    } else
      this.directives = new Directives({ version });
    this.setSchema(version, options2);
    this.contents = value === void 0 ? null : this.createNode(value, _replacer, options2);
  }
  /**
   * Create a deep copy of this Document and its contents.
   *
   * Custom Node values that inherit from `Object` still refer to their original instances.
   */
  clone() {
    const copy = Object.create(_Document.prototype, {
      [NODE_TYPE]: { value: DOC }
    });
    copy.commentBefore = this.commentBefore;
    copy.comment = this.comment;
    copy.errors = this.errors.slice();
    copy.warnings = this.warnings.slice();
    copy.options = Object.assign({}, this.options);
    if (this.directives)
      copy.directives = this.directives.clone();
    copy.schema = this.schema.clone();
    copy.contents = isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** Adds a value to the document. */
  add(value) {
    if (assertCollection(this.contents))
      this.contents.add(value);
  }
  /** Adds a value to the document. */
  addIn(path9, value) {
    if (assertCollection(this.contents))
      this.contents.addIn(path9, value);
  }
  /**
   * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
   *
   * If `node` already has an anchor, `name` is ignored.
   * Otherwise, the `node.anchor` value will be set to `name`,
   * or if an anchor with that name is already present in the document,
   * `name` will be used as a prefix for a new unique anchor.
   * If `name` is undefined, the generated anchor will use 'a' as a prefix.
   */
  createAlias(node, name) {
    if (!node.anchor) {
      const prev = anchorNames(this);
      node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      !name || prev.has(name) ? findNewAnchor(name || "a", prev) : name;
    }
    return new Alias(node.anchor);
  }
  createNode(value, replacer, options2) {
    let _replacer = void 0;
    if (typeof replacer === "function") {
      value = replacer.call({ "": value }, "", value);
      _replacer = replacer;
    } else if (Array.isArray(replacer)) {
      const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
      const asStr = replacer.filter(keyToStr).map(String);
      if (asStr.length > 0)
        replacer = replacer.concat(asStr);
      _replacer = replacer;
    } else if (options2 === void 0 && replacer) {
      options2 = replacer;
      replacer = void 0;
    }
    const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options2 ?? {};
    const { onAnchor, setAnchors, sourceObjects } = createNodeAnchors(
      this,
      // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      anchorPrefix || "a"
    );
    const ctx = {
      aliasDuplicateObjects: aliasDuplicateObjects ?? true,
      keepUndefined: keepUndefined ?? false,
      onAnchor,
      onTagObj,
      replacer: _replacer,
      schema: this.schema,
      sourceObjects
    };
    const node = createNode(value, tag, ctx);
    if (flow && isCollection(node))
      node.flow = true;
    setAnchors();
    return node;
  }
  /**
   * Convert a key and a value into a `Pair` using the current schema,
   * recursively wrapping all values as `Scalar` or `Collection` nodes.
   */
  createPair(key, value, options2 = {}) {
    const k = this.createNode(key, null, options2);
    const v = this.createNode(value, null, options2);
    return new Pair(k, v);
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  delete(key) {
    return assertCollection(this.contents) ? this.contents.delete(key) : false;
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path9) {
    if (isEmptyPath(path9)) {
      if (this.contents == null)
        return false;
      this.contents = null;
      return true;
    }
    return assertCollection(this.contents) ? this.contents.deleteIn(path9) : false;
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  get(key, keepScalar) {
    return isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
  }
  /**
   * Returns item at `path`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path9, keepScalar) {
    if (isEmptyPath(path9))
      return !keepScalar && isScalar(this.contents) ? this.contents.value : this.contents;
    return isCollection(this.contents) ? this.contents.getIn(path9, keepScalar) : void 0;
  }
  /**
   * Checks if the document includes a value with the key `key`.
   */
  has(key) {
    return isCollection(this.contents) ? this.contents.has(key) : false;
  }
  /**
   * Checks if the document includes a value at `path`.
   */
  hasIn(path9) {
    if (isEmptyPath(path9))
      return this.contents !== void 0;
    return isCollection(this.contents) ? this.contents.hasIn(path9) : false;
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  set(key, value) {
    if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, [key], value);
    } else if (assertCollection(this.contents)) {
      this.contents.set(key, value);
    }
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path9, value) {
    if (isEmptyPath(path9)) {
      this.contents = value;
    } else if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, Array.from(path9), value);
    } else if (assertCollection(this.contents)) {
      this.contents.setIn(path9, value);
    }
  }
  /**
   * Change the YAML version and schema used by the document.
   * A `null` version disables support for directives, explicit tags, anchors, and aliases.
   * It also requires the `schema` option to be given as a `Schema` instance value.
   *
   * Overrides all previously set schema options.
   */
  setSchema(version, options2 = {}) {
    if (typeof version === "number")
      version = String(version);
    let opt;
    switch (version) {
      case "1.1":
        if (this.directives)
          this.directives.yaml.version = "1.1";
        else
          this.directives = new Directives({ version: "1.1" });
        opt = { resolveKnownTags: false, schema: "yaml-1.1" };
        break;
      case "1.2":
      case "next":
        if (this.directives)
          this.directives.yaml.version = version;
        else
          this.directives = new Directives({ version });
        opt = { resolveKnownTags: true, schema: "core" };
        break;
      case null:
        if (this.directives)
          delete this.directives;
        opt = null;
        break;
      default: {
        const sv = JSON.stringify(version);
        throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
      }
    }
    if (options2.schema instanceof Object)
      this.schema = options2.schema;
    else if (opt)
      this.schema = new Schema(Object.assign(opt, options2));
    else
      throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
  }
  // json & jsonArg are only used from toJSON()
  toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc: this,
      keep: !json,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this.contents, jsonArg ?? "", ctx);
    if (typeof onAnchor === "function")
      for (const { count: count2, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count2);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
  /**
   * A JSON representation of the document `contents`.
   *
   * @param jsonArg Used by `JSON.stringify` to indicate the array index or
   *   property name.
   */
  toJSON(jsonArg, onAnchor) {
    return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
  }
  /** A YAML representation of the document. */
  toString(options2 = {}) {
    if (this.errors.length > 0)
      throw new Error("Document with errors cannot be stringified");
    if ("indent" in options2 && (!Number.isInteger(options2.indent) || Number(options2.indent) <= 0)) {
      const s = JSON.stringify(options2.indent);
      throw new Error(`"indent" option must be a positive integer, not ${s}`);
    }
    return stringifyDocument(this, options2);
  }
};
function assertCollection(contents) {
  if (isCollection(contents))
    return true;
  throw new Error("Expected a YAML collection as document contents");
}

// node_modules/yaml/browser/dist/errors.js
var YAMLError = class extends Error {
  constructor(name, pos, code, message) {
    super();
    this.name = name;
    this.code = code;
    this.message = message;
    this.pos = pos;
  }
};
var YAMLParseError = class extends YAMLError {
  constructor(pos, code, message) {
    super("YAMLParseError", pos, code, message);
  }
};
var YAMLWarning = class extends YAMLError {
  constructor(pos, code, message) {
    super("YAMLWarning", pos, code, message);
  }
};
var prettifyError = (src, lc) => (error) => {
  if (error.pos[0] === -1)
    return;
  error.linePos = error.pos.map((pos) => lc.linePos(pos));
  const { line, col } = error.linePos[0];
  error.message += ` at line ${line}, column ${col}`;
  let ci = col - 1;
  let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
  if (ci >= 60 && lineStr.length > 80) {
    const trimStart = Math.min(ci - 39, lineStr.length - 79);
    lineStr = "\u2026" + lineStr.substring(trimStart);
    ci -= trimStart - 1;
  }
  if (lineStr.length > 80)
    lineStr = lineStr.substring(0, 79) + "\u2026";
  if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
    let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
    if (prev.length > 80)
      prev = prev.substring(0, 79) + "\u2026\n";
    lineStr = prev + lineStr;
  }
  if (/[^ ]/.test(lineStr)) {
    let count2 = 1;
    const end = error.linePos[1];
    if (end?.line === line && end.col > col) {
      count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
    }
    const pointer = " ".repeat(ci) + "^".repeat(count2);
    error.message += `:

${lineStr}
${pointer}
`;
  }
};

// node_modules/yaml/browser/dist/compose/resolve-props.js
function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
  let spaceBefore = false;
  let atNewline = startOnNewline;
  let hasSpace = startOnNewline;
  let comment = "";
  let commentSep = "";
  let hasNewline = false;
  let reqSpace = false;
  let tab = null;
  let anchor = null;
  let tag = null;
  let newlineAfterProp = null;
  let comma = null;
  let found = null;
  let start = null;
  for (const token of tokens) {
    if (reqSpace) {
      if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
        onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      reqSpace = false;
    }
    if (tab) {
      if (atNewline && token.type !== "comment" && token.type !== "newline") {
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      }
      tab = null;
    }
    switch (token.type) {
      case "space":
        if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
          tab = token;
        }
        hasSpace = true;
        break;
      case "comment": {
        if (!hasSpace)
          onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
        const cb = token.source.substring(1) || " ";
        if (!comment)
          comment = cb;
        else
          comment += commentSep + cb;
        commentSep = "";
        atNewline = false;
        break;
      }
      case "newline":
        if (atNewline) {
          if (comment)
            comment += token.source;
          else if (!found || indicator !== "seq-item-ind")
            spaceBefore = true;
        } else
          commentSep += token.source;
        atNewline = true;
        hasNewline = true;
        if (anchor || tag)
          newlineAfterProp = token;
        hasSpace = true;
        break;
      case "anchor":
        if (anchor)
          onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
        if (token.source.endsWith(":"))
          onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
        anchor = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      case "tag": {
        if (tag)
          onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
        tag = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      }
      case indicator:
        if (anchor || tag)
          onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
        if (found)
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
        found = token;
        atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
        hasSpace = false;
        break;
      case "comma":
        if (flow) {
          if (comma)
            onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
          comma = token;
          atNewline = false;
          hasSpace = false;
          break;
        }
      // else fallthrough
      default:
        onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
        atNewline = false;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : offset;
  if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
    onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
  }
  if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
    onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
  return {
    comma,
    found,
    spaceBefore,
    comment,
    hasNewline,
    anchor,
    tag,
    newlineAfterProp,
    end,
    start: start ?? end
  };
}

// node_modules/yaml/browser/dist/compose/util-contains-newline.js
function containsNewline(key) {
  if (!key)
    return null;
  switch (key.type) {
    case "alias":
    case "scalar":
    case "double-quoted-scalar":
    case "single-quoted-scalar":
      if (key.source.includes("\n"))
        return true;
      if (key.end) {
        for (const st of key.end)
          if (st.type === "newline")
            return true;
      }
      return false;
    case "flow-collection":
      for (const it of key.items) {
        for (const st of it.start)
          if (st.type === "newline")
            return true;
        if (it.sep) {
          for (const st of it.sep)
            if (st.type === "newline")
              return true;
        }
        if (containsNewline(it.key) || containsNewline(it.value))
          return true;
      }
      return false;
    default:
      return true;
  }
}

// node_modules/yaml/browser/dist/compose/util-flow-indent-check.js
function flowIndentCheck(indent, fc, onError) {
  if (fc?.type === "flow-collection") {
    const end = fc.end[0];
    if (end.indent === indent && (end.source === "]" || end.source === "}") && containsNewline(fc)) {
      const msg = "Flow end indicator should be more indented than parent";
      onError(end, "BAD_INDENT", msg, true);
    }
  }
}

// node_modules/yaml/browser/dist/compose/util-map-includes.js
function mapIncludes(ctx, items, search) {
  const { uniqueKeys } = ctx.options;
  if (uniqueKeys === false)
    return false;
  const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || isScalar(a) && isScalar(b) && a.value === b.value;
  return items.some((pair) => isEqual(pair.key, search));
}

// node_modules/yaml/browser/dist/compose/resolve-block-map.js
var startColMsg = "All mapping items must start at the same column";
function resolveBlockMap({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bm, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLMap;
  const map2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  let offset = bm.offset;
  let commentEnd = null;
  for (const collItem of bm.items) {
    const { start, key, sep, value } = collItem;
    const keyProps = resolveProps(start, {
      indicator: "explicit-key-ind",
      next: key ?? sep?.[0],
      offset,
      onError,
      parentIndent: bm.indent,
      startOnNewline: true
    });
    const implicitKey = !keyProps.found;
    if (implicitKey) {
      if (key) {
        if (key.type === "block-seq")
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
        else if ("indent" in key && key.indent !== bm.indent)
          onError(offset, "BAD_INDENT", startColMsg);
      }
      if (!keyProps.anchor && !keyProps.tag && !sep) {
        commentEnd = keyProps.end;
        if (keyProps.comment) {
          if (map2.comment)
            map2.comment += "\n" + keyProps.comment;
          else
            map2.comment = keyProps.comment;
        }
        continue;
      }
      if (keyProps.newlineAfterProp || containsNewline(key)) {
        onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
      }
    } else if (keyProps.found?.indent !== bm.indent) {
      onError(offset, "BAD_INDENT", startColMsg);
    }
    ctx.atKey = true;
    const keyStart = keyProps.end;
    const keyNode = key ? composeNode2(ctx, key, keyProps, onError) : composeEmptyNode2(ctx, keyStart, start, null, keyProps, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bm.indent, key, onError);
    ctx.atKey = false;
    if (mapIncludes(ctx, map2.items, keyNode))
      onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
    const valueProps = resolveProps(sep ?? [], {
      indicator: "map-value-ind",
      next: value,
      offset: keyNode.range[2],
      onError,
      parentIndent: bm.indent,
      startOnNewline: !key || key.type === "block-scalar"
    });
    offset = valueProps.end;
    if (valueProps.found) {
      if (implicitKey) {
        if (value?.type === "block-map" && !valueProps.hasNewline)
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
        if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
          onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : composeEmptyNode2(ctx, offset, sep, null, valueProps, onError);
      if (ctx.schema.compat)
        flowIndentCheck(bm.indent, value, onError);
      offset = valueNode.range[2];
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    } else {
      if (implicitKey)
        onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
      if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    }
  }
  if (commentEnd && commentEnd < offset)
    onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
  map2.range = [bm.offset, offset, commentEnd ?? offset];
  return map2;
}

// node_modules/yaml/browser/dist/compose/resolve-block-seq.js
function resolveBlockSeq({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bs, onError, tag) {
  const NodeClass = tag?.nodeClass ?? YAMLSeq;
  const seq2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = bs.offset;
  let commentEnd = null;
  for (const { start, value } of bs.items) {
    const props = resolveProps(start, {
      indicator: "seq-item-ind",
      next: value,
      offset,
      onError,
      parentIndent: bs.indent,
      startOnNewline: true
    });
    if (!props.found) {
      if (props.anchor || props.tag || value) {
        if (value?.type === "block-seq")
          onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
        else
          onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
      } else {
        commentEnd = props.end;
        if (props.comment)
          seq2.comment = props.comment;
        continue;
      }
    }
    const node = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, start, null, props, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bs.indent, value, onError);
    offset = node.range[2];
    seq2.items.push(node);
  }
  seq2.range = [bs.offset, offset, commentEnd ?? offset];
  return seq2;
}

// node_modules/yaml/browser/dist/compose/resolve-end.js
function resolveEnd(end, offset, reqSpace, onError) {
  let comment = "";
  if (end) {
    let hasSpace = false;
    let sep = "";
    for (const token of end) {
      const { source, type } = token;
      switch (type) {
        case "space":
          hasSpace = true;
          break;
        case "comment": {
          if (reqSpace && !hasSpace)
            onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
          const cb = source.substring(1) || " ";
          if (!comment)
            comment = cb;
          else
            comment += sep + cb;
          sep = "";
          break;
        }
        case "newline":
          if (comment)
            sep += source;
          hasSpace = true;
          break;
        default:
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
      }
      offset += source.length;
    }
  }
  return { comment, offset };
}

// node_modules/yaml/browser/dist/compose/resolve-flow-collection.js
var blockMsg = "Block collections are not allowed within flow collections";
var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
function resolveFlowCollection({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, fc, onError, tag) {
  const isMap2 = fc.start.source === "{";
  const fcName = isMap2 ? "flow map" : "flow sequence";
  const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap : YAMLSeq);
  const coll = new NodeClass(ctx.schema);
  coll.flow = true;
  const atRoot = ctx.atRoot;
  if (atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = fc.offset + fc.start.source.length;
  for (let i = 0; i < fc.items.length; ++i) {
    const collItem = fc.items[i];
    const { start, key, sep, value } = collItem;
    const props = resolveProps(start, {
      flow: fcName,
      indicator: "explicit-key-ind",
      next: key ?? sep?.[0],
      offset,
      onError,
      parentIndent: fc.indent,
      startOnNewline: false
    });
    if (!props.found) {
      if (!props.anchor && !props.tag && !sep && !value) {
        if (i === 0 && props.comma)
          onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        else if (i < fc.items.length - 1)
          onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
        if (props.comment) {
          if (coll.comment)
            coll.comment += "\n" + props.comment;
          else
            coll.comment = props.comment;
        }
        offset = props.end;
        continue;
      }
      if (!isMap2 && ctx.options.strict && containsNewline(key))
        onError(
          key,
          // checked by containsNewline()
          "MULTILINE_IMPLICIT_KEY",
          "Implicit keys of flow sequence pairs need to be on a single line"
        );
    }
    if (i === 0) {
      if (props.comma)
        onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
    } else {
      if (!props.comma)
        onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
      if (props.comment) {
        let prevItemComment = "";
        loop: for (const st of start) {
          switch (st.type) {
            case "comma":
            case "space":
              break;
            case "comment":
              prevItemComment = st.source.substring(1);
              break loop;
            default:
              break loop;
          }
        }
        if (prevItemComment) {
          let prev = coll.items[coll.items.length - 1];
          if (isPair(prev))
            prev = prev.value ?? prev.key;
          if (prev.comment)
            prev.comment += "\n" + prevItemComment;
          else
            prev.comment = prevItemComment;
          props.comment = props.comment.substring(prevItemComment.length + 1);
        }
      }
    }
    if (!isMap2 && !sep && !props.found) {
      const valueNode = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, sep, null, props, onError);
      coll.items.push(valueNode);
      offset = valueNode.range[2];
      if (isBlock(value))
        onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
    } else {
      ctx.atKey = true;
      const keyStart = props.end;
      const keyNode = key ? composeNode2(ctx, key, props, onError) : composeEmptyNode2(ctx, keyStart, start, null, props, onError);
      if (isBlock(key))
        onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
      ctx.atKey = false;
      const valueProps = resolveProps(sep ?? [], {
        flow: fcName,
        indicator: "map-value-ind",
        next: value,
        offset: keyNode.range[2],
        onError,
        parentIndent: fc.indent,
        startOnNewline: false
      });
      if (valueProps.found) {
        if (!isMap2 && !props.found && ctx.options.strict) {
          if (sep)
            for (const st of sep) {
              if (st === valueProps.found)
                break;
              if (st.type === "newline") {
                onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                break;
              }
            }
          if (props.start < valueProps.found.offset - 1024)
            onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
        }
      } else if (value) {
        if ("source" in value && value.source?.[0] === ":")
          onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
        else
          onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode2(ctx, valueProps.end, sep, null, valueProps, onError) : null;
      if (valueNode) {
        if (isBlock(value))
          onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
      } else if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      if (isMap2) {
        const map2 = coll;
        if (mapIncludes(ctx, map2.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        map2.items.push(pair);
      } else {
        const map2 = new YAMLMap(ctx.schema);
        map2.flow = true;
        map2.items.push(pair);
        const endRange = (valueNode ?? keyNode).range;
        map2.range = [keyNode.range[0], endRange[1], endRange[2]];
        coll.items.push(map2);
      }
      offset = valueNode ? valueNode.range[2] : valueProps.end;
    }
  }
  const expectedEnd = isMap2 ? "}" : "]";
  const [ce, ...ee] = fc.end;
  let cePos = offset;
  if (ce?.source === expectedEnd)
    cePos = ce.offset + ce.source.length;
  else {
    const name = fcName[0].toUpperCase() + fcName.substring(1);
    const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
    onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
    if (ce && ce.source.length !== 1)
      ee.unshift(ce);
  }
  if (ee.length > 0) {
    const end = resolveEnd(ee, cePos, ctx.options.strict, onError);
    if (end.comment) {
      if (coll.comment)
        coll.comment += "\n" + end.comment;
      else
        coll.comment = end.comment;
    }
    coll.range = [fc.offset, cePos, end.offset];
  } else {
    coll.range = [fc.offset, cePos, cePos];
  }
  return coll;
}

// node_modules/yaml/browser/dist/compose/compose-collection.js
function resolveCollection(CN2, ctx, token, onError, tagName, tag) {
  const coll = token.type === "block-map" ? resolveBlockMap(CN2, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq(CN2, ctx, token, onError, tag) : resolveFlowCollection(CN2, ctx, token, onError, tag);
  const Coll = coll.constructor;
  if (tagName === "!" || tagName === Coll.tagName) {
    coll.tag = Coll.tagName;
    return coll;
  }
  if (tagName)
    coll.tag = tagName;
  return coll;
}
function composeCollection(CN2, ctx, token, props, onError) {
  const tagToken = props.tag;
  const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
  if (token.type === "block-seq") {
    const { anchor, newlineAfterProp: nl } = props;
    const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
    if (lastProp && (!nl || nl.offset < lastProp.offset)) {
      const message = "Missing newline after block sequence props";
      onError(lastProp, "MISSING_CHAR", message);
    }
  }
  const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
  if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.tagName && expType === "seq") {
    return resolveCollection(CN2, ctx, token, onError, tagName);
  }
  let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
  if (!tag) {
    const kt = ctx.schema.knownTags[tagName];
    if (kt?.collection === expType) {
      ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
      tag = kt;
    } else {
      if (kt) {
        onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
      } else {
        onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
      }
      return resolveCollection(CN2, ctx, token, onError, tagName);
    }
  }
  const coll = resolveCollection(CN2, ctx, token, onError, tagName, tag);
  const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
  const node = isNode(res) ? res : new Scalar(res);
  node.range = coll.range;
  node.tag = tagName;
  if (tag?.format)
    node.format = tag.format;
  return node;
}

// node_modules/yaml/browser/dist/compose/resolve-block-scalar.js
function resolveBlockScalar(ctx, scalar2, onError) {
  const start = scalar2.offset;
  const header2 = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
  if (!header2)
    return { value: "", type: null, comment: "", range: [start, start, start] };
  const type = header2.mode === ">" ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
  const lines = scalar2.source ? splitLines(scalar2.source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i][1];
    if (content === "" || content === "\r")
      chompStart = i;
    else
      break;
  }
  if (chompStart === 0) {
    const value2 = header2.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
    let end2 = start + header2.length;
    if (scalar2.source)
      end2 += scalar2.source.length;
    return { value: value2, type, comment: header2.comment, range: [start, end2, end2] };
  }
  let trimIndent = scalar2.indent + header2.indent;
  let offset = scalar2.offset + header2.length;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i];
    if (content === "" || content === "\r") {
      if (header2.indent === 0 && indent.length > trimIndent)
        trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) {
        const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
        onError(offset + indent.length, "MISSING_CHAR", message);
      }
      if (header2.indent === 0)
        trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0 && !ctx.atRoot) {
        const message = "Block scalar values in collections must be indented";
        onError(offset, "BAD_INDENT", message);
      }
      break;
    }
    offset += indent.length + content.length + 1;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i][0].length > trimIndent)
      chompStart = i + 1;
  }
  let value = "";
  let sep = "";
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i)
    value += lines[i][0].slice(trimIndent) + "\n";
  for (let i = contentStart; i < chompStart; ++i) {
    let [indent, content] = lines[i];
    offset += indent.length + content.length + 1;
    const crlf = content[content.length - 1] === "\r";
    if (crlf)
      content = content.slice(0, -1);
    if (content && indent.length < trimIndent) {
      const src = header2.indent ? "explicit indentation indicator" : "first line";
      const message = `Block scalar lines must not be less indented than their ${src}`;
      onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
      indent = "";
    }
    if (type === Scalar.BLOCK_LITERAL) {
      value += sep + indent.slice(trimIndent) + content;
      sep = "\n";
    } else if (indent.length > trimIndent || content[0] === "	") {
      if (sep === " ")
        sep = "\n";
      else if (!prevMoreIndented && sep === "\n")
        sep = "\n\n";
      value += sep + indent.slice(trimIndent) + content;
      sep = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep === "\n")
        value += "\n";
      else
        sep = "\n";
    } else {
      value += sep + content;
      sep = " ";
      prevMoreIndented = false;
    }
  }
  switch (header2.chomp) {
    case "-":
      break;
    case "+":
      for (let i = chompStart; i < lines.length; ++i)
        value += "\n" + lines[i][0].slice(trimIndent);
      if (value[value.length - 1] !== "\n")
        value += "\n";
      break;
    default:
      value += "\n";
  }
  const end = start + header2.length + scalar2.source.length;
  return { value, type, comment: header2.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
  if (props[0].type !== "block-scalar-header") {
    onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
    return null;
  }
  const { source } = props[0];
  const mode = source[0];
  let indent = 0;
  let chomp = "";
  let error = -1;
  for (let i = 1; i < source.length; ++i) {
    const ch = source[i];
    if (!chomp && (ch === "-" || ch === "+"))
      chomp = ch;
    else {
      const n = Number(ch);
      if (!indent && n)
        indent = n;
      else if (error === -1)
        error = offset + i;
    }
  }
  if (error !== -1)
    onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
  let hasSpace = false;
  let comment = "";
  let length = source.length;
  for (let i = 1; i < props.length; ++i) {
    const token = props[i];
    switch (token.type) {
      case "space":
        hasSpace = true;
      // fallthrough
      case "newline":
        length += token.source.length;
        break;
      case "comment":
        if (strict && !hasSpace) {
          const message = "Comments must be separated from other tokens by white space characters";
          onError(token, "MISSING_CHAR", message);
        }
        length += token.source.length;
        comment = token.source.substring(1);
        break;
      case "error":
        onError(token, "UNEXPECTED_TOKEN", token.message);
        length += token.source.length;
        break;
      /* istanbul ignore next should not happen */
      default: {
        const message = `Unexpected token in block scalar header: ${token.type}`;
        onError(token, "UNEXPECTED_TOKEN", message);
        const ts = token.source;
        if (ts && typeof ts === "string")
          length += ts.length;
      }
    }
  }
  return { mode, indent, chomp, comment, length };
}
function splitLines(source) {
  const split = source.split(/\n( *)/);
  const first = split[0];
  const m = first.match(/^( *)/);
  const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
  const lines = [line0];
  for (let i = 1; i < split.length; i += 2)
    lines.push([split[i], split[i + 1]]);
  return lines;
}

// node_modules/yaml/browser/dist/compose/resolve-flow-scalar.js
function resolveFlowScalar(scalar2, strict, onError) {
  const { offset, type, source, end } = scalar2;
  let _type;
  let value;
  const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
  switch (type) {
    case "scalar":
      _type = Scalar.PLAIN;
      value = plainValue(source, _onError);
      break;
    case "single-quoted-scalar":
      _type = Scalar.QUOTE_SINGLE;
      value = singleQuotedValue(source, _onError);
      break;
    case "double-quoted-scalar":
      _type = Scalar.QUOTE_DOUBLE;
      value = doubleQuotedValue(source, _onError);
      break;
    /* istanbul ignore next should not happen */
    default:
      onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
      return {
        value: "",
        type: null,
        comment: "",
        range: [offset, offset + source.length, offset + source.length]
      };
  }
  const valueEnd2 = offset + source.length;
  const re = resolveEnd(end, valueEnd2, strict, onError);
  return {
    value,
    type: _type,
    comment: re.comment,
    range: [offset, valueEnd2, re.offset]
  };
}
function plainValue(source, onError) {
  let badChar = "";
  switch (source[0]) {
    /* istanbul ignore next should not happen */
    case "	":
      badChar = "a tab character";
      break;
    case ",":
      badChar = "flow indicator character ,";
      break;
    case "%":
      badChar = "directive indicator character %";
      break;
    case "|":
    case ">": {
      badChar = `block scalar indicator ${source[0]}`;
      break;
    }
    case "@":
    case "`": {
      badChar = `reserved character ${source[0]}`;
      break;
    }
  }
  if (badChar)
    onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
  return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
  if (source[source.length - 1] !== "'" || source.length === 1)
    onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
  return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source);
  if (!match)
    return source;
  let trimEnd, trimBoth;
  try {
    trimEnd = new RegExp("(?<![ 	])[ 	]+$");
    trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
  } catch {
    trimEnd = /[ \t]+$/;
    trimBoth = /^[ \t]+|[ \t]+$/g;
  }
  let res = match[1].replace(trimEnd, "");
  let sep = " ";
  let pos = line.lastIndex;
  while (match = line.exec(source)) {
    const lm = match[1].replace(trimBoth, "");
    if (lm === "") {
      if (sep === "\n")
        res += sep;
      else
        sep = "\n";
    } else {
      res += sep + lm;
      sep = " ";
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return res + sep + (match?.[1] ?? "");
}
function doubleQuotedValue(source, onError) {
  let res = "";
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === "\r" && source[i + 1] === "\n")
      continue;
    if (ch === "\n") {
      const { fold, offset } = foldNewline(source, i);
      res += fold;
      i = offset;
    } else if (ch === "\\") {
      let next = source[++i];
      const cc = escapeCodes[next];
      if (cc)
        res += cc;
      else if (next === "\n") {
        next = source[i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "\r" && source[i + 1] === "\n") {
        next = source[++i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        res += parseCharCode(source, i + 1, length, onError);
        i += length;
      } else {
        const raw = source.substr(i - 1, 2);
        onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        res += raw;
      }
    } else if (ch === " " || ch === "	") {
      const wsStart = i;
      let next = source[i + 1];
      while (next === " " || next === "	")
        next = source[++i + 1];
      if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
        res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
    } else {
      res += ch;
    }
  }
  if (source[source.length - 1] !== '"' || source.length === 1)
    onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
  return res;
}
function foldNewline(source, offset) {
  let fold = "";
  let ch = source[offset + 1];
  while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
    if (ch === "\r" && source[offset + 2] !== "\n")
      break;
    if (ch === "\n")
      fold += "\n";
    offset += 1;
    ch = source[offset + 1];
  }
  if (!fold)
    fold = " ";
  return { fold, offset };
}
var escapeCodes = {
  "0": "\0",
  // null character
  a: "\x07",
  // bell character
  b: "\b",
  // backspace
  e: "\x1B",
  // escape character
  f: "\f",
  // form feed
  n: "\n",
  // line feed
  r: "\r",
  // carriage return
  t: "	",
  // horizontal tab
  v: "\v",
  // vertical tab
  N: "\x85",
  // Unicode next line
  _: "\xA0",
  // Unicode non-breaking space
  L: "\u2028",
  // Unicode line separator
  P: "\u2029",
  // Unicode paragraph separator
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "	": "	"
};
function parseCharCode(source, offset, length, onError) {
  const cc = source.substr(offset, length);
  const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
  const code = ok ? parseInt(cc, 16) : NaN;
  try {
    return String.fromCodePoint(code);
  } catch {
    const raw = source.substr(offset - 2, length + 2);
    onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
    return raw;
  }
}

// node_modules/yaml/browser/dist/compose/compose-scalar.js
function composeScalar(ctx, token, tagToken, onError) {
  const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar(ctx, token, onError) : resolveFlowScalar(token, ctx.options.strict, onError);
  const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
  let tag;
  if (ctx.options.stringKeys && ctx.atKey) {
    tag = ctx.schema[SCALAR];
  } else if (tagName)
    tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
  else if (token.type === "scalar")
    tag = findScalarTagByTest(ctx, value, token, onError);
  else
    tag = ctx.schema[SCALAR];
  let scalar2;
  try {
    const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
    scalar2 = isScalar(res) ? res : new Scalar(res);
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
    scalar2 = new Scalar(value);
  }
  scalar2.range = range;
  scalar2.source = value;
  if (type)
    scalar2.type = type;
  if (tagName)
    scalar2.tag = tagName;
  if (tag.format)
    scalar2.format = tag.format;
  if (comment)
    scalar2.comment = comment;
  return scalar2;
}
function findScalarTagByName(schema5, value, tagName, tagToken, onError) {
  if (tagName === "!")
    return schema5[SCALAR];
  const matchWithTest = [];
  for (const tag of schema5.tags) {
    if (!tag.collection && tag.tag === tagName) {
      if (tag.default && tag.test)
        matchWithTest.push(tag);
      else
        return tag;
    }
  }
  for (const tag of matchWithTest)
    if (tag.test?.test(value))
      return tag;
  const kt = schema5.knownTags[tagName];
  if (kt && !kt.collection) {
    schema5.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
    return kt;
  }
  onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
  return schema5[SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema: schema5 }, value, token, onError) {
  const tag = schema5.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema5[SCALAR];
  if (schema5.compat) {
    const compat = schema5.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema5[SCALAR];
    if (tag.tag !== compat.tag) {
      const ts = directives.tagString(tag.tag);
      const cs = directives.tagString(compat.tag);
      const msg = `Value may be parsed as either ${ts} or ${cs}`;
      onError(token, "TAG_RESOLVE_FAILED", msg, true);
    }
  }
  return tag;
}

// node_modules/yaml/browser/dist/compose/util-empty-scalar-position.js
function emptyScalarPosition(offset, before2, pos) {
  if (before2) {
    pos ?? (pos = before2.length);
    for (let i = pos - 1; i >= 0; --i) {
      let st = before2[i];
      switch (st.type) {
        case "space":
        case "comment":
        case "newline":
          offset -= st.source.length;
          continue;
      }
      st = before2[++i];
      while (st?.type === "space") {
        offset += st.source.length;
        st = before2[++i];
      }
      break;
    }
  }
  return offset;
}

// node_modules/yaml/browser/dist/compose/compose-node.js
var CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
  const atKey = ctx.atKey;
  const { spaceBefore, comment, anchor, tag } = props;
  let node;
  let isSrcToken = true;
  switch (token.type) {
    case "alias":
      node = composeAlias(ctx, token, onError);
      if (anchor || tag)
        onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
      break;
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "block-scalar":
      node = composeScalar(ctx, token, tag, onError);
      if (anchor)
        node.anchor = anchor.source.substring(1);
      break;
    case "block-map":
    case "block-seq":
    case "flow-collection":
      try {
        node = composeCollection(CN, ctx, token, props, onError);
        if (anchor)
          node.anchor = anchor.source.substring(1);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        onError(token, "RESOURCE_EXHAUSTION", message);
      }
      break;
    default: {
      const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
      onError(token, "UNEXPECTED_TOKEN", message);
      isSrcToken = false;
    }
  }
  node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
  if (anchor && node.anchor === "")
    onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  if (atKey && ctx.options.stringKeys && (!isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
    const msg = "With stringKeys, all keys must be strings";
    onError(tag ?? token, "NON_STRING_KEY", msg);
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    if (token.type === "scalar" && token.source === "")
      node.comment = comment;
    else
      node.commentBefore = comment;
  }
  if (ctx.options.keepSourceTokens && isSrcToken)
    node.srcToken = token;
  return node;
}
function composeEmptyNode(ctx, offset, before2, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
  const token = {
    type: "scalar",
    offset: emptyScalarPosition(offset, before2, pos),
    indent: -1,
    source: ""
  };
  const node = composeScalar(ctx, token, tag, onError);
  if (anchor) {
    node.anchor = anchor.source.substring(1);
    if (node.anchor === "")
      onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    node.comment = comment;
    node.range[2] = end;
  }
  return node;
}
function composeAlias({ options: options2 }, { offset, source, end }, onError) {
  const alias = new Alias(source.substring(1));
  if (alias.source === "")
    onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
  if (alias.source.endsWith(":"))
    onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
  const valueEnd2 = offset + source.length;
  const re = resolveEnd(end, valueEnd2, options2.strict, onError);
  alias.range = [offset, valueEnd2, re.offset];
  if (re.comment)
    alias.comment = re.comment;
  return alias;
}

// node_modules/yaml/browser/dist/compose/compose-doc.js
function composeDoc(options2, directives, { offset, start, value, end }, onError) {
  const opts = Object.assign({ _directives: directives }, options2);
  const doc = new Document(void 0, opts);
  const ctx = {
    atKey: false,
    atRoot: true,
    directives: doc.directives,
    options: doc.options,
    schema: doc.schema
  };
  const props = resolveProps(start, {
    indicator: "doc-start",
    next: value ?? end?.[0],
    offset,
    onError,
    parentIndent: 0,
    startOnNewline: true
  });
  if (props.found) {
    doc.directives.docStart = true;
    if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
      onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
  }
  doc.contents = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
  const contentEnd = doc.contents.range[2];
  const re = resolveEnd(end, contentEnd, false, onError);
  if (re.comment)
    doc.comment = re.comment;
  doc.range = [offset, contentEnd, re.offset];
  return doc;
}

// node_modules/yaml/browser/dist/compose/composer.js
function getErrorPos(src) {
  if (typeof src === "number")
    return [src, src + 1];
  if (Array.isArray(src))
    return src.length === 2 ? src : [src[0], src[1]];
  const { offset, source } = src;
  return [offset, offset + (typeof source === "string" ? source.length : 1)];
}
function parsePrelude(prelude) {
  let comment = "";
  let atComment = false;
  let afterEmptyLine = false;
  for (let i = 0; i < prelude.length; ++i) {
    const source = prelude[i];
    switch (source[0]) {
      case "#":
        comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
        atComment = true;
        afterEmptyLine = false;
        break;
      case "%":
        if (prelude[i + 1]?.[0] !== "#")
          i += 1;
        atComment = false;
        break;
      default:
        if (!atComment)
          afterEmptyLine = true;
        atComment = false;
    }
  }
  return { comment, afterEmptyLine };
}
var Composer = class {
  constructor(options2 = {}) {
    this.doc = null;
    this.atDirectives = false;
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
    this.onError = (source, code, message, warning) => {
      const pos = getErrorPos(source);
      if (warning)
        this.warnings.push(new YAMLWarning(pos, code, message));
      else
        this.errors.push(new YAMLParseError(pos, code, message));
    };
    this.directives = new Directives({ version: options2.version || "1.2" });
    this.options = options2;
  }
  decorate(doc, afterDoc) {
    const { comment, afterEmptyLine } = parsePrelude(this.prelude);
    if (comment) {
      const dc = doc.contents;
      if (afterDoc) {
        doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
      } else if (afterEmptyLine || doc.directives.docStart || !dc) {
        doc.commentBefore = comment;
      } else if (isCollection(dc) && !dc.flow && dc.items.length > 0) {
        let it = dc.items[0];
        if (isPair(it))
          it = it.key;
        const cb = it.commentBefore;
        it.commentBefore = cb ? `${comment}
${cb}` : comment;
      } else {
        const cb = dc.commentBefore;
        dc.commentBefore = cb ? `${comment}
${cb}` : comment;
      }
    }
    if (afterDoc) {
      for (let i = 0; i < this.errors.length; ++i)
        doc.errors.push(this.errors[i]);
      for (let i = 0; i < this.warnings.length; ++i)
        doc.warnings.push(this.warnings[i]);
    } else {
      doc.errors = this.errors;
      doc.warnings = this.warnings;
    }
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
  }
  /**
   * Current stream status information.
   *
   * Mostly useful at the end of input for an empty stream.
   */
  streamInfo() {
    return {
      comment: parsePrelude(this.prelude).comment,
      directives: this.directives,
      errors: this.errors,
      warnings: this.warnings
    };
  }
  /**
   * Compose tokens into documents.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *compose(tokens, forceDoc = false, endOffset = -1) {
    for (const token of tokens)
      yield* this.next(token);
    yield* this.end(forceDoc, endOffset);
  }
  /** Advance the composer by one CST token. */
  *next(token) {
    switch (token.type) {
      case "directive":
        this.directives.add(token.source, (offset, message, warning) => {
          const pos = getErrorPos(token);
          pos[0] += offset;
          this.onError(pos, "BAD_DIRECTIVE", message, warning);
        });
        this.prelude.push(token.source);
        this.atDirectives = true;
        break;
      case "document": {
        const doc = composeDoc(this.options, this.directives, token, this.onError);
        if (this.atDirectives && !doc.directives.docStart)
          this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
        this.decorate(doc, false);
        if (this.doc)
          yield this.doc;
        this.doc = doc;
        this.atDirectives = false;
        break;
      }
      case "byte-order-mark":
      case "space":
        break;
      case "comment":
      case "newline":
        this.prelude.push(token.source);
        break;
      case "error": {
        const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
        const error = new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
        if (this.atDirectives || !this.doc)
          this.errors.push(error);
        else
          this.doc.errors.push(error);
        break;
      }
      case "doc-end": {
        if (!this.doc) {
          const msg = "Unexpected doc-end without preceding document";
          this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
          break;
        }
        this.doc.directives.docEnd = true;
        const end = resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
        this.decorate(this.doc, true);
        if (end.comment) {
          const dc = this.doc.comment;
          this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
        }
        this.doc.range[2] = end.offset;
        break;
      }
      default:
        this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
    }
  }
  /**
   * Call at end of input to yield any remaining document.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *end(forceDoc = false, endOffset = -1) {
    if (this.doc) {
      this.decorate(this.doc, true);
      yield this.doc;
      this.doc = null;
    } else if (forceDoc) {
      const opts = Object.assign({ _directives: this.directives }, this.options);
      const doc = new Document(void 0, opts);
      if (this.atDirectives)
        this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
      doc.range = [0, endOffset, endOffset];
      this.decorate(doc, false);
      yield doc;
    }
  }
};

// node_modules/yaml/browser/dist/parse/cst.js
var cst_exports = {};
__export(cst_exports, {
  BOM: () => BOM,
  DOCUMENT: () => DOCUMENT,
  FLOW_END: () => FLOW_END,
  SCALAR: () => SCALAR2,
  createScalarToken: () => createScalarToken,
  isCollection: () => isCollection2,
  isScalar: () => isScalar2,
  prettyToken: () => prettyToken,
  resolveAsScalar: () => resolveAsScalar,
  setScalarValue: () => setScalarValue,
  stringify: () => stringify2,
  tokenType: () => tokenType,
  visit: () => visit2
});

// node_modules/yaml/browser/dist/parse/cst-scalar.js
function resolveAsScalar(token, strict = true, onError) {
  if (token) {
    const _onError = (pos, code, message) => {
      const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
      if (onError)
        onError(offset, code, message);
      else
        throw new YAMLParseError([offset, offset + 1], code, message);
    };
    switch (token.type) {
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return resolveFlowScalar(token, strict, _onError);
      case "block-scalar":
        return resolveBlockScalar({ options: { strict } }, token, _onError);
    }
  }
  return null;
}
function createScalarToken(value, context) {
  const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
  const source = stringifyString({ type, value }, {
    implicitKey,
    indent: indent > 0 ? " ".repeat(indent) : "",
    inFlow,
    options: { blockQuote: true, lineWidth: -1 }
  });
  const end = context.end ?? [
    { type: "newline", offset: -1, indent, source: "\n" }
  ];
  switch (source[0]) {
    case "|":
    case ">": {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      const props = [
        { type: "block-scalar-header", offset, indent, source: head }
      ];
      if (!addEndtoBlockProps(props, end))
        props.push({ type: "newline", offset: -1, indent, source: "\n" });
      return { type: "block-scalar", offset, indent, props, source: body };
    }
    case '"':
      return { type: "double-quoted-scalar", offset, indent, source, end };
    case "'":
      return { type: "single-quoted-scalar", offset, indent, source, end };
    default:
      return { type: "scalar", offset, indent, source, end };
  }
}
function setScalarValue(token, value, context = {}) {
  let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
  let indent = "indent" in token ? token.indent : null;
  if (afterKey && typeof indent === "number")
    indent += 2;
  if (!type)
    switch (token.type) {
      case "single-quoted-scalar":
        type = "QUOTE_SINGLE";
        break;
      case "double-quoted-scalar":
        type = "QUOTE_DOUBLE";
        break;
      case "block-scalar": {
        const header2 = token.props[0];
        if (header2.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        type = header2.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
        break;
      }
      default:
        type = "PLAIN";
    }
  const source = stringifyString({ type, value }, {
    implicitKey: implicitKey || indent === null,
    indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
    inFlow,
    options: { blockQuote: true, lineWidth: -1 }
  });
  switch (source[0]) {
    case "|":
    case ">":
      setBlockScalarValue(token, source);
      break;
    case '"':
      setFlowScalarValue(token, source, "double-quoted-scalar");
      break;
    case "'":
      setFlowScalarValue(token, source, "single-quoted-scalar");
      break;
    default:
      setFlowScalarValue(token, source, "scalar");
  }
}
function setBlockScalarValue(token, source) {
  const he = source.indexOf("\n");
  const head = source.substring(0, he);
  const body = source.substring(he + 1) + "\n";
  if (token.type === "block-scalar") {
    const header2 = token.props[0];
    if (header2.type !== "block-scalar-header")
      throw new Error("Invalid block scalar header");
    header2.source = head;
    token.source = body;
  } else {
    const { offset } = token;
    const indent = "indent" in token ? token.indent : -1;
    const props = [
      { type: "block-scalar-header", offset, indent, source: head }
    ];
    if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
      props.push({ type: "newline", offset: -1, indent, source: "\n" });
    for (const key of Object.keys(token))
      if (key !== "type" && key !== "offset")
        delete token[key];
    Object.assign(token, { type: "block-scalar", indent, props, source: body });
  }
}
function addEndtoBlockProps(props, end) {
  if (end)
    for (const st of end)
      switch (st.type) {
        case "space":
        case "comment":
          props.push(st);
          break;
        case "newline":
          props.push(st);
          return true;
      }
  return false;
}
function setFlowScalarValue(token, source, type) {
  switch (token.type) {
    case "scalar":
    case "double-quoted-scalar":
    case "single-quoted-scalar":
      token.type = type;
      token.source = source;
      break;
    case "block-scalar": {
      const end = token.props.slice(1);
      let oa = source.length;
      if (token.props[0].type === "block-scalar-header")
        oa -= token.props[0].source.length;
      for (const tok of end)
        tok.offset += oa;
      delete token.props;
      Object.assign(token, { type, source, end });
      break;
    }
    case "block-map":
    case "block-seq": {
      const offset = token.offset + source.length;
      const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
      delete token.items;
      Object.assign(token, { type, source, end: [nl] });
      break;
    }
    default: {
      const indent = "indent" in token ? token.indent : -1;
      const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
      for (const key of Object.keys(token))
        if (key !== "type" && key !== "offset")
          delete token[key];
      Object.assign(token, { type, indent, source, end });
    }
  }
}

// node_modules/yaml/browser/dist/parse/cst-stringify.js
var stringify2 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
  switch (token.type) {
    case "block-scalar": {
      let res = "";
      for (const tok of token.props)
        res += stringifyToken(tok);
      return res + token.source;
    }
    case "block-map":
    case "block-seq": {
      let res = "";
      for (const item of token.items)
        res += stringifyItem(item);
      return res;
    }
    case "flow-collection": {
      let res = token.start.source;
      for (const item of token.items)
        res += stringifyItem(item);
      for (const st of token.end)
        res += st.source;
      return res;
    }
    case "document": {
      let res = stringifyItem(token);
      if (token.end)
        for (const st of token.end)
          res += st.source;
      return res;
    }
    default: {
      let res = token.source;
      if ("end" in token && token.end)
        for (const st of token.end)
          res += st.source;
      return res;
    }
  }
}
function stringifyItem({ start, key, sep, value }) {
  let res = "";
  for (const st of start)
    res += st.source;
  if (key)
    res += stringifyToken(key);
  if (sep)
    for (const st of sep)
      res += st.source;
  if (value)
    res += stringifyToken(value);
  return res;
}

// node_modules/yaml/browser/dist/parse/cst-visit.js
var BREAK2 = /* @__PURE__ */ Symbol("break visit");
var SKIP2 = /* @__PURE__ */ Symbol("skip children");
var REMOVE2 = /* @__PURE__ */ Symbol("remove item");
function visit2(cst, visitor) {
  if ("type" in cst && cst.type === "document")
    cst = { start: cst.start, value: cst.value };
  _visit(Object.freeze([]), cst, visitor);
}
visit2.BREAK = BREAK2;
visit2.SKIP = SKIP2;
visit2.REMOVE = REMOVE2;
visit2.itemAtPath = (cst, path9) => {
  let item = cst;
  for (const [field, index] of path9) {
    const tok = item?.[field];
    if (tok && "items" in tok) {
      item = tok.items[index];
    } else
      return void 0;
  }
  return item;
};
visit2.parentCollection = (cst, path9) => {
  const parent = visit2.itemAtPath(cst, path9.slice(0, -1));
  const field = path9[path9.length - 1][0];
  const coll = parent?.[field];
  if (coll && "items" in coll)
    return coll;
  throw new Error("Parent collection not found");
};
function _visit(path9, item, visitor) {
  let ctrl = visitor(item, path9);
  if (typeof ctrl === "symbol")
    return ctrl;
  for (const field of ["key", "value"]) {
    const token = item[field];
    if (token && "items" in token) {
      for (let i = 0; i < token.items.length; ++i) {
        const ci = _visit(Object.freeze(path9.concat([[field, i]])), token.items[i], visitor);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK2)
          return BREAK2;
        else if (ci === REMOVE2) {
          token.items.splice(i, 1);
          i -= 1;
        }
      }
      if (typeof ctrl === "function" && field === "key")
        ctrl = ctrl(item, path9);
    }
  }
  return typeof ctrl === "function" ? ctrl(item, path9) : ctrl;
}

// node_modules/yaml/browser/dist/parse/cst.js
var BOM = "\uFEFF";
var DOCUMENT = "";
var FLOW_END = "";
var SCALAR2 = "";
var isCollection2 = (token) => !!token && "items" in token;
var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
function prettyToken(token) {
  switch (token) {
    case BOM:
      return "<BOM>";
    case DOCUMENT:
      return "<DOC>";
    case FLOW_END:
      return "<FLOW_END>";
    case SCALAR2:
      return "<SCALAR>";
    default:
      return JSON.stringify(token);
  }
}
function tokenType(source) {
  switch (source) {
    case BOM:
      return "byte-order-mark";
    case DOCUMENT:
      return "doc-mode";
    case FLOW_END:
      return "flow-error-end";
    case SCALAR2:
      return "scalar";
    case "---":
      return "doc-start";
    case "...":
      return "doc-end";
    case "":
    case "\n":
    case "\r\n":
      return "newline";
    case "-":
      return "seq-item-ind";
    case "?":
      return "explicit-key-ind";
    case ":":
      return "map-value-ind";
    case "{":
      return "flow-map-start";
    case "}":
      return "flow-map-end";
    case "[":
      return "flow-seq-start";
    case "]":
      return "flow-seq-end";
    case ",":
      return "comma";
  }
  switch (source[0]) {
    case " ":
    case "	":
      return "space";
    case "#":
      return "comment";
    case "%":
      return "directive-line";
    case "*":
      return "alias";
    case "&":
      return "anchor";
    case "!":
      return "tag";
    case "'":
      return "single-quoted-scalar";
    case '"':
      return "double-quoted-scalar";
    case "|":
    case ">":
      return "block-scalar-header";
  }
  return null;
}

// node_modules/yaml/browser/dist/parse/lexer.js
function isEmpty(ch) {
  switch (ch) {
    case void 0:
    case " ":
    case "\n":
    case "\r":
    case "	":
      return true;
    default:
      return false;
  }
}
var hexDigits = new Set("0123456789ABCDEFabcdef");
var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
var flowIndicatorChars = new Set(",[]{}");
var invalidAnchorChars = new Set(" ,[]{}\n\r	");
var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
var Lexer = class {
  constructor() {
    this.atEnd = false;
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    this.buffer = "";
    this.flowKey = false;
    this.flowLevel = 0;
    this.indentNext = 0;
    this.indentValue = 0;
    this.lineEndPos = null;
    this.next = null;
    this.pos = 0;
  }
  /**
   * Generate YAML tokens from the `source` string. If `incomplete`,
   * a part of the last line may be left as a buffer for the next call.
   *
   * @returns A generator of lexical tokens
   */
  *lex(source, incomplete = false) {
    if (source) {
      if (typeof source !== "string")
        throw TypeError("source is not a string");
      this.buffer = this.buffer ? this.buffer + source : source;
      this.lineEndPos = null;
    }
    this.atEnd = !incomplete;
    let next = this.next ?? "stream";
    while (next && (incomplete || this.hasChars(1)))
      next = yield* this.parseNext(next);
  }
  atLineEnd() {
    let i = this.pos;
    let ch = this.buffer[i];
    while (ch === " " || ch === "	")
      ch = this.buffer[++i];
    if (!ch || ch === "#" || ch === "\n")
      return true;
    if (ch === "\r")
      return this.buffer[i + 1] === "\n";
    return false;
  }
  charAt(n) {
    return this.buffer[this.pos + n];
  }
  continueScalar(offset) {
    let ch = this.buffer[offset];
    if (this.indentNext > 0) {
      let indent = 0;
      while (ch === " ")
        ch = this.buffer[++indent + offset];
      if (ch === "\r") {
        const next = this.buffer[indent + offset + 1];
        if (next === "\n" || !next && !this.atEnd)
          return offset + indent + 1;
      }
      return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
    }
    if (ch === "-" || ch === ".") {
      const dt = this.buffer.substr(offset, 3);
      if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
        return -1;
    }
    return offset;
  }
  getLine() {
    let end = this.lineEndPos;
    if (typeof end !== "number" || end !== -1 && end < this.pos) {
      end = this.buffer.indexOf("\n", this.pos);
      this.lineEndPos = end;
    }
    if (end === -1)
      return this.atEnd ? this.buffer.substring(this.pos) : null;
    if (this.buffer[end - 1] === "\r")
      end -= 1;
    return this.buffer.substring(this.pos, end);
  }
  hasChars(n) {
    return this.pos + n <= this.buffer.length;
  }
  setNext(state) {
    this.buffer = this.buffer.substring(this.pos);
    this.pos = 0;
    this.lineEndPos = null;
    this.next = state;
    return null;
  }
  peek(n) {
    return this.buffer.substr(this.pos, n);
  }
  *parseNext(next) {
    switch (next) {
      case "stream":
        return yield* this.parseStream();
      case "line-start":
        return yield* this.parseLineStart();
      case "block-start":
        return yield* this.parseBlockStart();
      case "doc":
        return yield* this.parseDocument();
      case "flow":
        return yield* this.parseFlowCollection();
      case "quoted-scalar":
        return yield* this.parseQuotedScalar();
      case "block-scalar":
        return yield* this.parseBlockScalar();
      case "plain-scalar":
        return yield* this.parsePlainScalar();
    }
  }
  *parseStream() {
    let line = this.getLine();
    if (line === null)
      return this.setNext("stream");
    if (line[0] === BOM) {
      yield* this.pushCount(1);
      line = line.substring(1);
    }
    if (line[0] === "%") {
      let dirEnd = line.length;
      let cs = line.indexOf("#");
      while (cs !== -1) {
        const ch = line[cs - 1];
        if (ch === " " || ch === "	") {
          dirEnd = cs - 1;
          break;
        } else {
          cs = line.indexOf("#", cs + 1);
        }
      }
      while (true) {
        const ch = line[dirEnd - 1];
        if (ch === " " || ch === "	")
          dirEnd -= 1;
        else
          break;
      }
      const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
      yield* this.pushCount(line.length - n);
      this.pushNewline();
      return "stream";
    }
    if (this.atLineEnd()) {
      const sp = yield* this.pushSpaces(true);
      yield* this.pushCount(line.length - sp);
      yield* this.pushNewline();
      return "stream";
    }
    yield DOCUMENT;
    return yield* this.parseLineStart();
  }
  *parseLineStart() {
    const ch = this.charAt(0);
    if (!ch && !this.atEnd)
      return this.setNext("line-start");
    if (ch === "-" || ch === ".") {
      if (!this.atEnd && !this.hasChars(4))
        return this.setNext("line-start");
      const s = this.peek(3);
      if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
        yield* this.pushCount(3);
        this.indentValue = 0;
        this.indentNext = 0;
        return s === "---" ? "doc" : "stream";
      }
    }
    this.indentValue = yield* this.pushSpaces(false);
    if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
      this.indentNext = this.indentValue;
    return yield* this.parseBlockStart();
  }
  *parseBlockStart() {
    const [ch0, ch1] = this.peek(2);
    if (!ch1 && !this.atEnd)
      return this.setNext("block-start");
    if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
      const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
      this.indentNext = this.indentValue + 1;
      this.indentValue += n;
      return "block-start";
    }
    return "doc";
  }
  *parseDocument() {
    yield* this.pushSpaces(true);
    const line = this.getLine();
    if (line === null)
      return this.setNext("doc");
    let n = yield* this.pushIndicators();
    switch (line[n]) {
      case "#":
        yield* this.pushCount(line.length - n);
      // fallthrough
      case void 0:
        yield* this.pushNewline();
        return yield* this.parseLineStart();
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel = 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        return "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "doc";
      case '"':
      case "'":
        return yield* this.parseQuotedScalar();
      case "|":
      case ">":
        n += yield* this.parseBlockScalarHeader();
        n += yield* this.pushSpaces(true);
        yield* this.pushCount(line.length - n);
        yield* this.pushNewline();
        return yield* this.parseBlockScalar();
      default:
        return yield* this.parsePlainScalar();
    }
  }
  *parseFlowCollection() {
    let nl, sp;
    let indent = -1;
    do {
      nl = yield* this.pushNewline();
      if (nl > 0) {
        sp = yield* this.pushSpaces(false);
        this.indentValue = indent = sp;
      } else {
        sp = 0;
      }
      sp += yield* this.pushSpaces(true);
    } while (nl + sp > 0);
    const line = this.getLine();
    if (line === null)
      return this.setNext("flow");
    if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
      const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
      if (!atFlowEndMarker) {
        this.flowLevel = 0;
        yield FLOW_END;
        return yield* this.parseLineStart();
      }
    }
    let n = 0;
    while (line[n] === ",") {
      n += yield* this.pushCount(1);
      n += yield* this.pushSpaces(true);
      this.flowKey = false;
    }
    n += yield* this.pushIndicators();
    switch (line[n]) {
      case void 0:
        return "flow";
      case "#":
        yield* this.pushCount(line.length - n);
        return "flow";
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel += 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        this.flowKey = true;
        this.flowLevel -= 1;
        return this.flowLevel ? "flow" : "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "flow";
      case '"':
      case "'":
        this.flowKey = true;
        return yield* this.parseQuotedScalar();
      case ":": {
        const next = this.charAt(1);
        if (this.flowKey || isEmpty(next) || next === ",") {
          this.flowKey = false;
          yield* this.pushCount(1);
          yield* this.pushSpaces(true);
          return "flow";
        }
      }
      // fallthrough
      default:
        this.flowKey = false;
        return yield* this.parsePlainScalar();
    }
  }
  *parseQuotedScalar() {
    const quote = this.charAt(0);
    let end = this.buffer.indexOf(quote, this.pos + 1);
    if (quote === "'") {
      while (end !== -1 && this.buffer[end + 1] === "'")
        end = this.buffer.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (this.buffer[end - 1 - n] === "\\")
          n += 1;
        if (n % 2 === 0)
          break;
        end = this.buffer.indexOf('"', end + 1);
      }
    }
    const qb = this.buffer.substring(0, end);
    let nl = qb.indexOf("\n", this.pos);
    if (nl !== -1) {
      while (nl !== -1) {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = qb.indexOf("\n", cs);
      }
      if (nl !== -1) {
        end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
      }
    }
    if (end === -1) {
      if (!this.atEnd)
        return this.setNext("quoted-scalar");
      end = this.buffer.length;
    }
    yield* this.pushToIndex(end + 1, false);
    return this.flowLevel ? "flow" : "doc";
  }
  *parseBlockScalarHeader() {
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    let i = this.pos;
    while (true) {
      const ch = this.buffer[++i];
      if (ch === "+")
        this.blockScalarKeep = true;
      else if (ch > "0" && ch <= "9")
        this.blockScalarIndent = Number(ch) - 1;
      else if (ch !== "-")
        break;
    }
    return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
  }
  *parseBlockScalar() {
    let nl = this.pos - 1;
    let indent = 0;
    let ch;
    loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
      switch (ch) {
        case " ":
          indent += 1;
          break;
        case "\n":
          nl = i2;
          indent = 0;
          break;
        case "\r": {
          const next = this.buffer[i2 + 1];
          if (!next && !this.atEnd)
            return this.setNext("block-scalar");
          if (next === "\n")
            break;
        }
        // fallthrough
        default:
          break loop;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("block-scalar");
    if (indent >= this.indentNext) {
      if (this.blockScalarIndent === -1)
        this.indentNext = indent;
      else {
        this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
      }
      do {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = this.buffer.indexOf("\n", cs);
      } while (nl !== -1);
      if (nl === -1) {
        if (!this.atEnd)
          return this.setNext("block-scalar");
        nl = this.buffer.length;
      }
    }
    let i = nl + 1;
    ch = this.buffer[i];
    while (ch === " ")
      ch = this.buffer[++i];
    if (ch === "	") {
      while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
        ch = this.buffer[++i];
      nl = i - 1;
    } else if (!this.blockScalarKeep) {
      do {
        let i2 = nl - 1;
        let ch2 = this.buffer[i2];
        if (ch2 === "\r")
          ch2 = this.buffer[--i2];
        const lastChar = i2;
        while (ch2 === " ")
          ch2 = this.buffer[--i2];
        if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
          nl = i2;
        else
          break;
      } while (true);
    }
    yield SCALAR2;
    yield* this.pushToIndex(nl + 1, true);
    return yield* this.parseLineStart();
  }
  *parsePlainScalar() {
    const inFlow = this.flowLevel > 0;
    let end = this.pos - 1;
    let i = this.pos - 1;
    let ch;
    while (ch = this.buffer[++i]) {
      if (ch === ":") {
        const next = this.buffer[i + 1];
        if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
          break;
        end = i;
      } else if (isEmpty(ch)) {
        let next = this.buffer[i + 1];
        if (ch === "\r") {
          if (next === "\n") {
            i += 1;
            ch = "\n";
            next = this.buffer[i + 1];
          } else
            end = i;
        }
        if (next === "#" || inFlow && flowIndicatorChars.has(next))
          break;
        if (ch === "\n") {
          const cs = this.continueScalar(i + 1);
          if (cs === -1)
            break;
          i = Math.max(i, cs - 2);
        }
      } else {
        if (inFlow && flowIndicatorChars.has(ch))
          break;
        end = i;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("plain-scalar");
    yield SCALAR2;
    yield* this.pushToIndex(end + 1, true);
    return inFlow ? "flow" : "doc";
  }
  *pushCount(n) {
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos += n;
      return n;
    }
    return 0;
  }
  *pushToIndex(i, allowEmpty) {
    const s = this.buffer.slice(this.pos, i);
    if (s) {
      yield s;
      this.pos += s.length;
      return s.length;
    } else if (allowEmpty)
      yield "";
    return 0;
  }
  *pushIndicators() {
    let n = 0;
    loop: while (true) {
      switch (this.charAt(0)) {
        case "!":
          n += yield* this.pushTag();
          n += yield* this.pushSpaces(true);
          continue loop;
        case "&":
          n += yield* this.pushUntil(isNotAnchorChar);
          n += yield* this.pushSpaces(true);
          continue loop;
        case "-":
        // this is an error
        case "?":
        // this is an error outside flow collections
        case ":": {
          const inFlow = this.flowLevel > 0;
          const ch1 = this.charAt(1);
          if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
            if (!inFlow)
              this.indentNext = this.indentValue + 1;
            else if (this.flowKey)
              this.flowKey = false;
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            continue loop;
          }
        }
      }
      break loop;
    }
    return n;
  }
  *pushTag() {
    if (this.charAt(1) === "<") {
      let i = this.pos + 2;
      let ch = this.buffer[i];
      while (!isEmpty(ch) && ch !== ">")
        ch = this.buffer[++i];
      return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
    } else {
      let i = this.pos + 1;
      let ch = this.buffer[i];
      while (ch) {
        if (tagChars.has(ch))
          ch = this.buffer[++i];
        else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
          ch = this.buffer[i += 3];
        } else
          break;
      }
      return yield* this.pushToIndex(i, false);
    }
  }
  *pushNewline() {
    const ch = this.buffer[this.pos];
    if (ch === "\n")
      return yield* this.pushCount(1);
    else if (ch === "\r" && this.charAt(1) === "\n")
      return yield* this.pushCount(2);
    else
      return 0;
  }
  *pushSpaces(allowTabs) {
    let i = this.pos - 1;
    let ch;
    do {
      ch = this.buffer[++i];
    } while (ch === " " || allowTabs && ch === "	");
    const n = i - this.pos;
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos = i;
    }
    return n;
  }
  *pushUntil(test) {
    let i = this.pos;
    let ch = this.buffer[i];
    while (!test(ch))
      ch = this.buffer[++i];
    return yield* this.pushToIndex(i, false);
  }
};

// node_modules/yaml/browser/dist/parse/line-counter.js
var LineCounter = class {
  constructor() {
    this.lineStarts = [];
    this.addNewLine = (offset) => this.lineStarts.push(offset);
    this.linePos = (offset) => {
      let low = 0;
      let high = this.lineStarts.length;
      while (low < high) {
        const mid = low + high >> 1;
        if (this.lineStarts[mid] < offset)
          low = mid + 1;
        else
          high = mid;
      }
      if (this.lineStarts[low] === offset)
        return { line: low + 1, col: 1 };
      if (low === 0)
        return { line: 0, col: offset };
      const start = this.lineStarts[low - 1];
      return { line: low, col: offset - start + 1 };
    };
  }
};

// node_modules/yaml/browser/dist/parse/parser.js
function includesToken(list, type) {
  for (let i = 0; i < list.length; ++i)
    if (list[i].type === type)
      return true;
  return false;
}
function findNonEmptyIndex(list) {
  for (let i = 0; i < list.length; ++i) {
    switch (list[i].type) {
      case "space":
      case "comment":
      case "newline":
        break;
      default:
        return i;
    }
  }
  return -1;
}
function isFlowToken(token) {
  switch (token?.type) {
    case "alias":
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "flow-collection":
      return true;
    default:
      return false;
  }
}
function getPrevProps(parent) {
  switch (parent.type) {
    case "document":
      return parent.start;
    case "block-map": {
      const it = parent.items[parent.items.length - 1];
      return it.sep ?? it.start;
    }
    case "block-seq":
      return parent.items[parent.items.length - 1].start;
    /* istanbul ignore next should not happen */
    default:
      return [];
  }
}
function getFirstKeyStartProps(prev) {
  if (prev.length === 0)
    return [];
  let i = prev.length;
  loop: while (--i >= 0) {
    switch (prev[i].type) {
      case "doc-start":
      case "explicit-key-ind":
      case "map-value-ind":
      case "seq-item-ind":
      case "newline":
        break loop;
    }
  }
  while (prev[++i]?.type === "space") {
  }
  return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
  if (source.length < 1e5)
    Array.prototype.push.apply(target, source);
  else
    for (let i = 0; i < source.length; ++i)
      target.push(source[i]);
}
function fixFlowSeqItems(fc) {
  if (fc.start.type === "flow-seq-start") {
    for (const it of fc.items) {
      if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
        if (it.key)
          it.value = it.key;
        delete it.key;
        if (isFlowToken(it.value)) {
          if (it.value.end)
            arrayPushArray(it.value.end, it.sep);
          else
            it.value.end = it.sep;
        } else
          arrayPushArray(it.start, it.sep);
        delete it.sep;
      }
    }
  }
}
var Parser = class {
  /**
   * @param onNewLine - If defined, called separately with the start position of
   *   each new line (in `parse()`, including the start of input).
   */
  constructor(onNewLine) {
    this.atNewLine = true;
    this.atScalar = false;
    this.indent = 0;
    this.offset = 0;
    this.onKeyLine = false;
    this.stack = [];
    this.source = "";
    this.type = "";
    this.lexer = new Lexer();
    this.onNewLine = onNewLine;
  }
  /**
   * Parse `source` as a YAML stream.
   * If `incomplete`, a part of the last line may be left as a buffer for the next call.
   *
   * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
   *
   * @returns A generator of tokens representing each directive, document, and other structure.
   */
  *parse(source, incomplete = false) {
    if (this.onNewLine && this.offset === 0)
      this.onNewLine(0);
    for (const lexeme of this.lexer.lex(source, incomplete))
      yield* this.next(lexeme);
    if (!incomplete)
      yield* this.end();
  }
  /**
   * Advance the parser by the `source` of one lexical token.
   */
  *next(source) {
    this.source = source;
    if (this.atScalar) {
      this.atScalar = false;
      yield* this.step();
      this.offset += source.length;
      return;
    }
    const type = tokenType(source);
    if (!type) {
      const message = `Not a YAML token: ${source}`;
      yield* this.pop({ type: "error", offset: this.offset, message, source });
      this.offset += source.length;
    } else if (type === "scalar") {
      this.atNewLine = false;
      this.atScalar = true;
      this.type = "scalar";
    } else {
      this.type = type;
      yield* this.step();
      switch (type) {
        case "newline":
          this.atNewLine = true;
          this.indent = 0;
          if (this.onNewLine)
            this.onNewLine(this.offset + source.length);
          break;
        case "space":
          if (this.atNewLine && source[0] === " ")
            this.indent += source.length;
          break;
        case "explicit-key-ind":
        case "map-value-ind":
        case "seq-item-ind":
          if (this.atNewLine)
            this.indent += source.length;
          break;
        case "doc-mode":
        case "flow-error-end":
          return;
        default:
          this.atNewLine = false;
      }
      this.offset += source.length;
    }
  }
  /** Call at end of input to push out any remaining constructions */
  *end() {
    while (this.stack.length > 0)
      yield* this.pop();
  }
  get sourceToken() {
    const st = {
      type: this.type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
    return st;
  }
  *step() {
    const top = this.peek(1);
    if (this.type === "doc-end" && top?.type !== "doc-end") {
      while (this.stack.length > 0)
        yield* this.pop();
      this.stack.push({
        type: "doc-end",
        offset: this.offset,
        source: this.source
      });
      return;
    }
    if (!top)
      return yield* this.stream();
    switch (top.type) {
      case "document":
        return yield* this.document(top);
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return yield* this.scalar(top);
      case "block-scalar":
        return yield* this.blockScalar(top);
      case "block-map":
        return yield* this.blockMap(top);
      case "block-seq":
        return yield* this.blockSequence(top);
      case "flow-collection":
        return yield* this.flowCollection(top);
      case "doc-end":
        return yield* this.documentEnd(top);
    }
    yield* this.pop();
  }
  peek(n) {
    return this.stack[this.stack.length - n];
  }
  *pop(error) {
    const token = error ?? this.stack.pop();
    if (!token) {
      const message = "Tried to pop an empty stack";
      yield { type: "error", offset: this.offset, source: "", message };
    } else if (this.stack.length === 0) {
      yield token;
    } else {
      const top = this.peek(1);
      if (token.type === "block-scalar") {
        token.indent = "indent" in top ? top.indent : 0;
      } else if (token.type === "flow-collection" && top.type === "document") {
        token.indent = 0;
      }
      if (token.type === "flow-collection")
        fixFlowSeqItems(token);
      switch (top.type) {
        case "document":
          top.value = token;
          break;
        case "block-scalar":
          top.props.push(token);
          break;
        case "block-map": {
          const it = top.items[top.items.length - 1];
          if (it.value) {
            top.items.push({ start: [], key: token, sep: [] });
            this.onKeyLine = true;
            return;
          } else if (it.sep) {
            it.value = token;
          } else {
            Object.assign(it, { key: token, sep: [] });
            this.onKeyLine = !it.explicitKey;
            return;
          }
          break;
        }
        case "block-seq": {
          const it = top.items[top.items.length - 1];
          if (it.value)
            top.items.push({ start: [], value: token });
          else
            it.value = token;
          break;
        }
        case "flow-collection": {
          const it = top.items[top.items.length - 1];
          if (!it || it.value)
            top.items.push({ start: [], key: token, sep: [] });
          else if (it.sep)
            it.value = token;
          else
            Object.assign(it, { key: token, sep: [] });
          return;
        }
        /* istanbul ignore next should not happen */
        default:
          yield* this.pop();
          yield* this.pop(token);
      }
      if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
        const last = token.items[token.items.length - 1];
        if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
          if (top.type === "document")
            top.end = last.start;
          else
            top.items.push({ start: last.start });
          token.items.splice(-1, 1);
        }
      }
    }
  }
  *stream() {
    switch (this.type) {
      case "directive-line":
        yield { type: "directive", offset: this.offset, source: this.source };
        return;
      case "byte-order-mark":
      case "space":
      case "comment":
      case "newline":
        yield this.sourceToken;
        return;
      case "doc-mode":
      case "doc-start": {
        const doc = {
          type: "document",
          offset: this.offset,
          start: []
        };
        if (this.type === "doc-start")
          doc.start.push(this.sourceToken);
        this.stack.push(doc);
        return;
      }
    }
    yield {
      type: "error",
      offset: this.offset,
      message: `Unexpected ${this.type} token in YAML stream`,
      source: this.source
    };
  }
  *document(doc) {
    if (doc.value)
      return yield* this.lineEnd(doc);
    switch (this.type) {
      case "doc-start": {
        if (findNonEmptyIndex(doc.start) !== -1) {
          yield* this.pop();
          yield* this.step();
        } else
          doc.start.push(this.sourceToken);
        return;
      }
      case "anchor":
      case "tag":
      case "space":
      case "comment":
      case "newline":
        doc.start.push(this.sourceToken);
        return;
    }
    const bv = this.startBlockValue(doc);
    if (bv)
      this.stack.push(bv);
    else {
      yield {
        type: "error",
        offset: this.offset,
        message: `Unexpected ${this.type} token in YAML document`,
        source: this.source
      };
    }
  }
  *scalar(scalar2) {
    if (this.type === "map-value-ind") {
      const prev = getPrevProps(this.peek(2));
      const start = getFirstKeyStartProps(prev);
      let sep;
      if (scalar2.end) {
        sep = scalar2.end;
        sep.push(this.sourceToken);
        delete scalar2.end;
      } else
        sep = [this.sourceToken];
      const map2 = {
        type: "block-map",
        offset: scalar2.offset,
        indent: scalar2.indent,
        items: [{ start, key: scalar2, sep }]
      };
      this.onKeyLine = true;
      this.stack[this.stack.length - 1] = map2;
    } else
      yield* this.lineEnd(scalar2);
  }
  *blockScalar(scalar2) {
    switch (this.type) {
      case "space":
      case "comment":
      case "newline":
        scalar2.props.push(this.sourceToken);
        return;
      case "scalar":
        scalar2.source = this.source;
        this.atNewLine = true;
        this.indent = 0;
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        yield* this.pop();
        break;
      /* istanbul ignore next should not happen */
      default:
        yield* this.pop();
        yield* this.step();
    }
  }
  *blockMap(map2) {
    const it = map2.items[map2.items.length - 1];
    switch (this.type) {
      case "newline":
        this.onKeyLine = false;
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          it.start.push(this.sourceToken);
        }
        return;
      case "space":
      case "comment":
        if (it.value) {
          map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          if (this.atIndentedComment(it.start, map2.indent)) {
            const prev = map2.items[map2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              map2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
    }
    if (this.indent >= map2.indent) {
      const atMapIndent = !this.onKeyLine && this.indent === map2.indent;
      const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
      let start = [];
      if (atNextItem && it.sep && !it.value) {
        const nl = [];
        for (let i = 0; i < it.sep.length; ++i) {
          const st = it.sep[i];
          switch (st.type) {
            case "newline":
              nl.push(i);
              break;
            case "space":
              break;
            case "comment":
              if (st.indent > map2.indent)
                nl.length = 0;
              break;
            default:
              nl.length = 0;
          }
        }
        if (nl.length >= 2)
          start = it.sep.splice(nl[1]);
      }
      switch (this.type) {
        case "anchor":
        case "tag":
          if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start });
            this.onKeyLine = true;
          } else if (it.sep) {
            it.sep.push(this.sourceToken);
          } else {
            it.start.push(this.sourceToken);
          }
          return;
        case "explicit-key-ind":
          if (!it.sep && !it.explicitKey) {
            it.start.push(this.sourceToken);
            it.explicitKey = true;
          } else if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start, explicitKey: true });
          } else {
            this.stack.push({
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken], explicitKey: true }]
            });
          }
          this.onKeyLine = true;
          return;
        case "map-value-ind":
          if (it.explicitKey) {
            if (!it.sep) {
              if (includesToken(it.start, "newline")) {
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              } else {
                const start2 = getFirstKeyStartProps(it.start);
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                });
              }
            } else if (it.value) {
              map2.items.push({ start: [], key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start, key: null, sep: [this.sourceToken] }]
              });
            } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
              const start2 = getFirstKeyStartProps(it.start);
              const key = it.key;
              const sep = it.sep;
              sep.push(this.sourceToken);
              delete it.key;
              delete it.sep;
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: start2, key, sep }]
              });
            } else if (start.length > 0) {
              it.sep = it.sep.concat(start, this.sourceToken);
            } else {
              it.sep.push(this.sourceToken);
            }
          } else {
            if (!it.sep) {
              Object.assign(it, { key: null, sep: [this.sourceToken] });
            } else if (it.value || atNextItem) {
              map2.items.push({ start, key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: [], key: null, sep: [this.sourceToken] }]
              });
            } else {
              it.sep.push(this.sourceToken);
            }
          }
          this.onKeyLine = true;
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs = this.flowScalar(this.type);
          if (atNextItem || it.value) {
            map2.items.push({ start, key: fs, sep: [] });
            this.onKeyLine = true;
          } else if (it.sep) {
            this.stack.push(fs);
          } else {
            Object.assign(it, { key: fs, sep: [] });
            this.onKeyLine = true;
          }
          return;
        }
        default: {
          const bv = this.startBlockValue(map2);
          if (bv) {
            if (bv.type === "block-seq") {
              if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                yield* this.pop({
                  type: "error",
                  offset: this.offset,
                  message: "Unexpected block-seq-ind on same line with key",
                  source: this.source
                });
                return;
              }
            } else if (atMapIndent) {
              map2.items.push({ start });
            }
            this.stack.push(bv);
            return;
          }
        }
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *blockSequence(seq2) {
    const it = seq2.items[seq2.items.length - 1];
    switch (this.type) {
      case "newline":
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            seq2.items.push({ start: [this.sourceToken] });
        } else
          it.start.push(this.sourceToken);
        return;
      case "space":
      case "comment":
        if (it.value)
          seq2.items.push({ start: [this.sourceToken] });
        else {
          if (this.atIndentedComment(it.start, seq2.indent)) {
            const prev = seq2.items[seq2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              seq2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
      case "anchor":
      case "tag":
        if (it.value || this.indent <= seq2.indent)
          break;
        it.start.push(this.sourceToken);
        return;
      case "seq-item-ind":
        if (this.indent !== seq2.indent)
          break;
        if (it.value || includesToken(it.start, "seq-item-ind"))
          seq2.items.push({ start: [this.sourceToken] });
        else
          it.start.push(this.sourceToken);
        return;
    }
    if (this.indent > seq2.indent) {
      const bv = this.startBlockValue(seq2);
      if (bv) {
        this.stack.push(bv);
        return;
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *flowCollection(fc) {
    const it = fc.items[fc.items.length - 1];
    if (this.type === "flow-error-end") {
      let top;
      do {
        yield* this.pop();
        top = this.peek(1);
      } while (top?.type === "flow-collection");
    } else if (fc.end.length === 0) {
      switch (this.type) {
        case "comma":
        case "explicit-key-ind":
          if (!it || it.sep)
            fc.items.push({ start: [this.sourceToken] });
          else
            it.start.push(this.sourceToken);
          return;
        case "map-value-ind":
          if (!it || it.value)
            fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            Object.assign(it, { key: null, sep: [this.sourceToken] });
          return;
        case "space":
        case "comment":
        case "newline":
        case "anchor":
        case "tag":
          if (!it || it.value)
            fc.items.push({ start: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            it.start.push(this.sourceToken);
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs = this.flowScalar(this.type);
          if (!it || it.value)
            fc.items.push({ start: [], key: fs, sep: [] });
          else if (it.sep)
            this.stack.push(fs);
          else
            Object.assign(it, { key: fs, sep: [] });
          return;
        }
        case "flow-map-end":
        case "flow-seq-end":
          fc.end.push(this.sourceToken);
          return;
      }
      const bv = this.startBlockValue(fc);
      if (bv)
        this.stack.push(bv);
      else {
        yield* this.pop();
        yield* this.step();
      }
    } else {
      const parent = this.peek(2);
      if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
        yield* this.pop();
        yield* this.step();
      } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        fixFlowSeqItems(fc);
        const sep = fc.end.splice(1, fc.end.length);
        sep.push(this.sourceToken);
        const map2 = {
          type: "block-map",
          offset: fc.offset,
          indent: fc.indent,
          items: [{ start, key: fc, sep }]
        };
        this.onKeyLine = true;
        this.stack[this.stack.length - 1] = map2;
      } else {
        yield* this.lineEnd(fc);
      }
    }
  }
  flowScalar(type) {
    if (this.onNewLine) {
      let nl = this.source.indexOf("\n") + 1;
      while (nl !== 0) {
        this.onNewLine(this.offset + nl);
        nl = this.source.indexOf("\n", nl) + 1;
      }
    }
    return {
      type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
  }
  startBlockValue(parent) {
    switch (this.type) {
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return this.flowScalar(this.type);
      case "block-scalar-header":
        return {
          type: "block-scalar",
          offset: this.offset,
          indent: this.indent,
          props: [this.sourceToken],
          source: ""
        };
      case "flow-map-start":
      case "flow-seq-start":
        return {
          type: "flow-collection",
          offset: this.offset,
          indent: this.indent,
          start: this.sourceToken,
          items: [],
          end: []
        };
      case "seq-item-ind":
        return {
          type: "block-seq",
          offset: this.offset,
          indent: this.indent,
          items: [{ start: [this.sourceToken] }]
        };
      case "explicit-key-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        start.push(this.sourceToken);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, explicitKey: true }]
        };
      }
      case "map-value-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, key: null, sep: [this.sourceToken] }]
        };
      }
    }
    return null;
  }
  atIndentedComment(start, indent) {
    if (this.type !== "comment")
      return false;
    if (this.indent <= indent)
      return false;
    return start.every((st) => st.type === "newline" || st.type === "space");
  }
  *documentEnd(docEnd) {
    if (this.type !== "doc-mode") {
      if (docEnd.end)
        docEnd.end.push(this.sourceToken);
      else
        docEnd.end = [this.sourceToken];
      if (this.type === "newline")
        yield* this.pop();
    }
  }
  *lineEnd(token) {
    switch (this.type) {
      case "comma":
      case "doc-start":
      case "doc-end":
      case "flow-seq-end":
      case "flow-map-end":
      case "map-value-ind":
        yield* this.pop();
        yield* this.step();
        break;
      case "newline":
        this.onKeyLine = false;
      // fallthrough
      case "space":
      case "comment":
      default:
        if (token.end)
          token.end.push(this.sourceToken);
        else
          token.end = [this.sourceToken];
        if (this.type === "newline")
          yield* this.pop();
    }
  }
};

// node_modules/yaml/browser/dist/public-api.js
function parseOptions(options2) {
  const prettyErrors = options2.prettyErrors !== false;
  const lineCounter = options2.lineCounter || prettyErrors && new LineCounter() || null;
  return { lineCounter, prettyErrors };
}
function parseAllDocuments(source, options2 = {}) {
  const { lineCounter, prettyErrors } = parseOptions(options2);
  const parser = new Parser(lineCounter?.addNewLine);
  const composer = new Composer(options2);
  const docs = Array.from(composer.compose(parser.parse(source)));
  if (prettyErrors && lineCounter)
    for (const doc of docs) {
      doc.errors.forEach(prettifyError(source, lineCounter));
      doc.warnings.forEach(prettifyError(source, lineCounter));
    }
  if (docs.length > 0)
    return docs;
  return Object.assign([], { empty: true }, composer.streamInfo());
}
function parseDocument(source, options2 = {}) {
  const { lineCounter, prettyErrors } = parseOptions(options2);
  const parser = new Parser(lineCounter?.addNewLine);
  const composer = new Composer(options2);
  let doc = null;
  for (const _doc of composer.compose(parser.parse(source), true, source.length)) {
    if (!doc)
      doc = _doc;
    else if (doc.options.logLevel !== "silent") {
      doc.errors.push(new YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  if (prettyErrors && lineCounter) {
    doc.errors.forEach(prettifyError(source, lineCounter));
    doc.warnings.forEach(prettifyError(source, lineCounter));
  }
  return doc;
}
function parse(src, reviver, options2) {
  let _reviver = void 0;
  if (typeof reviver === "function") {
    _reviver = reviver;
  } else if (options2 === void 0 && reviver && typeof reviver === "object") {
    options2 = reviver;
  }
  const doc = parseDocument(src, options2);
  if (!doc)
    return null;
  doc.warnings.forEach((warning) => warn(doc.options.logLevel, warning));
  if (doc.errors.length > 0) {
    if (doc.options.logLevel !== "silent")
      throw doc.errors[0];
    else
      doc.errors = [];
  }
  return doc.toJS(Object.assign({ reviver: _reviver }, options2));
}

// src/yaml/go-yaml-v2.ts
var WORDS = /* @__PURE__ */ new Map();
for (const word of ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]) {
  WORDS.set(word, true);
}
for (const word of ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]) {
  WORDS.set(word, false);
}
for (const word of ["", "~", "null", "Null", "NULL"]) WORDS.set(word, null);
for (const word of [".nan", ".NaN", ".NAN"]) WORDS.set(word, Number.NaN);
for (const word of [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"])
  WORDS.set(word, Number.POSITIVE_INFINITY);
for (const word of ["-.inf", "-.Inf", "-.INF"]) WORDS.set(word, Number.NEGATIVE_INFINITY);
var GO_INTEGER = /^([+-]?)(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/;
var GO_POINT_FLOAT = /^\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?$/;
var DECIMAL_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
var INT64_MIN = -(2n ** 63n);
var INT64_MAX = 2n ** 63n - 1n;
var UINT64_MAX = 2n ** 64n - 1n;
function goYamlV2Value(text3) {
  if (WORDS.has(text3)) return WORDS.get(text3);
  const first = text3.charCodeAt(0);
  if (first === 46) {
    if (!GO_POINT_FLOAT.test(text3)) return text3;
    const value = Number(text3.replaceAll("_", ""));
    return Number.isFinite(value) ? value : text3;
  }
  const signed = first === 43 || first === 45;
  if (!signed && (first < 48 || first > 57)) return text3;
  const plain2 = text3.replaceAll("_", "");
  const integer = goInteger(plain2);
  if (integer !== void 0) return integer;
  if (DECIMAL_FLOAT.test(plain2) && Number.isFinite(Number(plain2))) return Number(plain2);
  const binary2 = /^0b([+-])([01]+)$/.exec(plain2);
  if (binary2 !== null) {
    const magnitude = BigInt(`0b${binary2[2]}`);
    const value = binary2[1] === "-" ? -magnitude : magnitude;
    if (value >= INT64_MIN && value <= INT64_MAX) return asNumber(value);
  }
  return text3;
}
function isGoYamlV2Float(text3) {
  const value = goYamlV2Value(text3);
  if (typeof value !== "number") return false;
  if (!Number.isFinite(value) || text3.charCodeAt(0) === 46) return true;
  return goInteger(text3.replaceAll("_", "")) === void 0 && !/^0b[+-]/.test(text3.replaceAll("_", ""));
}
function isGoYamlV2Uint64(text3) {
  const value = goYamlV2Value(text3);
  return typeof value === "bigint" && value > INT64_MAX;
}
function goInteger(plain2) {
  const match = GO_INTEGER.exec(plain2);
  if (match === null) return void 0;
  const [, sign, digits] = match;
  const prefix = digits.length > 1 && digits[0] === "0" ? digits[1].toLowerCase() : "";
  const body = prefix === "b" || prefix === "o" || prefix === "x" ? `0${prefix}${digits.slice(2)}` : digits.length > 1 && digits[0] === "0" ? `0o${digits.slice(1)}` : digits;
  const magnitude = BigInt(body);
  const value = sign === "-" ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return asNumber(value);
  if (sign === "" && value <= UINT64_MAX) return asNumber(value);
  return void 0;
}
function asNumber(value) {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
function sameScalarValue(a, b) {
  return a === b || typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}
function kubectlReadingNote(node) {
  if (node.written === void 0) return "";
  return ` (kubectl reads the unquoted ${JSON.stringify(node.written)} as YAML 1.1 does; quote it for the string)`;
}
var YAML_TAG_PREFIX = "tag:yaml.org,2002:";
var SAME_TO_KUBECTL = new Set(["str", "map", "seq"].map((t) => `${YAML_TAG_PREFIX}${t}`));
function refusedTag(tag) {
  if (tag === void 0 || tag === "!" || SAME_TO_KUBECTL.has(tag)) return void 0;
  if (!tag.startsWith(YAML_TAG_PREFIX)) {
    return `the tag ${tag.slice(0, 40)}: kubectl's YAML reader (go-yaml) and YAML 1.2 read tags of one's own differently; write the value without it`;
  }
  return `the tag !!${tag.slice(YAML_TAG_PREFIX.length)}: kubectl (go-yaml v2) reads tagged values by YAML 1.1's rules (!!bool on is true to it), not YAML 1.2's; write the value without the tag (quoted, for a string)`;
}
function isClosedQuote(raw) {
  return raw.startsWith("'") ? /^'(?:[^']|'')*'$/.test(raw) : /^"(?:[^"\\]|\\[\s\S])*"$/.test(raw);
}
function goYamlV2EscapeProblem(raw) {
  if (!raw.startsWith('"')) return void 0;
  for (let i = raw.indexOf("\\"); i !== -1; i = raw.indexOf("\\", i + 2)) {
    const letter = raw[i + 1];
    if (letter === "/")
      return "the escape \\/ in a double-quoted value: kubectl (go-yaml v2) does not know it and refuses the file; write / itself";
    if (letter !== "u" && letter !== "U") continue;
    const code = Number.parseInt(raw.slice(i + 2, i + (letter === "u" ? 6 : 10)), 16);
    if (code >= 55296 && code <= 57343) {
      return "a surrogate escape (\\ud800 to \\udfff) in a double-quoted value: kubectl (go-yaml v2) refuses it, and the file; write the character itself, or \\U and its 8-digit code point";
    }
  }
  return void 0;
}
var ODD_ESCAPE = /\\(?:\/|u[dD][89a-fA-F]|U0000[dD][89a-fA-F])/;

// src/declare/yaml-output.ts
var YAML_1_1_SAFE = { compat: "yaml-1.1" };
var UNSAFE_BEYOND_NEWLINE = (
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g
);
function kubectlReadsOtherwise(value) {
  return goYamlV2Value(value) !== value;
}
function quoteNewScalarsForKubectl(root) {
  visit(root, {
    Scalar(_key, node) {
      if (node.type === void 0 && typeof node.value === "string" && kubectlReadsOtherwise(node.value))
        node.type = Scalar.QUOTE_DOUBLE;
    }
  });
}
function quotedWhereUnsafe(value) {
  if (typeof value === "string") {
    if (!hasUnsafeChars(value) && !kubectlReadsOtherwise(value)) return value;
    const scalar2 = new Scalar(value);
    scalar2.type = Scalar.QUOTE_DOUBLE;
    return scalar2;
  }
  if (Array.isArray(value)) return value.map(quotedWhereUnsafe);
  if (value !== null && typeof value === "object" && !(value instanceof Scalar)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, quotedWhereUnsafe(v)]));
  }
  return value;
}
function yamlDocumentText(value, options2, comment) {
  const doc = new Document(quotedWhereUnsafe(value), YAML_1_1_SAFE);
  if (comment !== void 0 && comment.length > 0 && doc.contents) {
    doc.contents.commentBefore = comment.map((line) => ` ${showControlChars(line)}`).join("\n");
  }
  return doc.toString({ ...options2, doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY }).replace(UNSAFE_BEYOND_NEWLINE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`).replaceAll("##[", "##\\u005b");
}

// src/observe/live/node-support.ts
var KUBE_CLIENT_NODE = "22.19.0";
function atLeast(version, wanted) {
  const have = version.replace(/^v/, "").split(".").map(Number);
  const want = wanted.split(".").map(Number);
  for (let i = 0; i < want.length; i++) {
    const a = have[i] ?? 0;
    const b = want[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}
function requireKubeClientNode(what, version = process.versions.node) {
  if (atLeast(version, KUBE_CLIENT_NODE)) return;
  throw new InputError(
    `${what} needs Node.js ${KUBE_CLIENT_NODE} or newer (for its Kubernetes client); this is Node.js ${version.replace(/^v/, "")}. Upgrade Node.js, or read --metrics, --snapshot or --prometheus-url, which work on Node.js 20`
  );
}

// src/pipeline.ts
import path4 from "node:path";

// src/config/baseline-file.ts
import { stat } from "node:fs/promises";
import path from "node:path";

// src/diff/istio-match.ts
var MATCH_ONE = "{*}";
var MATCH_ANY = "{**}";
var SEGMENT_CHARS = new Set(
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~%!$&'()+,;:@=*"
);
var VALID_LITERAL = /^[A-Za-z0-9\-._~%!$&'()+,;:@=]+$/;
function matchString(pattern, value) {
  if (pattern === "*") return value.length > 0;
  if (pattern.startsWith("*")) return value.endsWith(pattern.slice(1));
  if (pattern.endsWith("*")) return value.startsWith(pattern.slice(0, -1));
  return value === pattern;
}
function matchMethod(pattern, method) {
  return matchString(pattern, method);
}
function readAsPattern(path9) {
  return path9.includes("*") || path9.includes("{") || path9.includes("}");
}
function isPathTemplate(pattern) {
  return pattern.includes(MATCH_ONE) || pattern.includes(MATCH_ANY);
}
function pathRefusal(pattern) {
  const istiod = (problem) => ({ problem, refusedBy: "istiod" });
  if (pattern === "") return istiod("the path is empty");
  if (!isPathTemplate(pattern)) {
    if (!pattern.includes("{") && !pattern.includes("}")) return null;
    const braced = pattern.split("/").find((segment) => segment.includes("{") || segment.includes("}"));
    return braced === void 0 ? null : istiod(
      `segment "${braced}" holds "{" or "}", which a path may hold only as a whole {*} or {**} segment`
    );
  }
  const envoy = (problem) => ({ problem, refusedBy: "envoy" });
  if (!pattern.startsWith("/")) return envoy('a path template must start with "/"');
  const body = pattern.endsWith("/") ? pattern.slice(1, -1) : pattern.slice(1);
  const segments = body.split("/");
  let seenMatchAny = false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === MATCH_ONE || segment === MATCH_ANY) {
      if (seenMatchAny) return istiod("{**} must be the last operator of a path template");
      seenMatchAny = segment === MATCH_ANY;
      continue;
    }
    if (segment.includes("{") || segment.includes("}")) {
      return istiod(
        `segment "${segment}" mixes {*} or {**} with other characters; an operator must be a whole segment`
      );
    }
    if (segment.includes("*")) return istiod(`segment "${segment}" has a "*" outside {*} or {**}`);
    if (segment === "") {
      const outer = i === 0 || i === segments.length - 1;
      const problem = 'a path template cannot have an empty segment ("//")';
      return outer ? envoy(problem) : istiod(problem);
    }
    if (!VALID_LITERAL.test(segment))
      return istiod(`segment "${segment}" has characters a path template cannot hold`);
  }
  return null;
}
function validatePathPattern(pattern) {
  return pathRefusal(pattern)?.problem ?? null;
}
function acceptedPathFor(pattern) {
  const misplaced = isPathTemplate(pattern) ? /[{}*]/ : /[{}]/;
  const fixed = `/${pattern}`.replace(/\/{2,}/g, "/").split("/").map(
    (segment) => segment === MATCH_ONE || segment === MATCH_ANY || !misplaced.test(segment) ? segment : MATCH_ONE
  ).join("/");
  return fixed !== pattern && validatePathPattern(fixed) === null ? fixed : void 0;
}
function isOneSegment(text3) {
  if (text3 === "") return false;
  for (const char of text3) if (!SEGMENT_CHARS.has(char)) return false;
  return true;
}
function isAnySegments(text3) {
  for (const char of text3) if (char !== "/" && !SEGMENT_CHARS.has(char)) return false;
  return true;
}
function segmentMatches(pattern, segment) {
  return pattern === MATCH_ONE ? isOneSegment(segment) : pattern === segment;
}
var splitTemplates = /* @__PURE__ */ new Map();
function templateSegments(pattern) {
  let segments = splitTemplates.get(pattern);
  if (segments === void 0) {
    segments = validatePathPattern(pattern) === null ? pattern.slice(1).split("/") : null;
    splitTemplates.set(pattern, segments);
  }
  return segments;
}
function matchTemplate(segments, path9) {
  if (!path9.startsWith("/")) return false;
  const parts = path9.slice(1).split("/");
  const any = segments.indexOf(MATCH_ANY);
  if (any === -1) {
    return parts.length === segments.length && segments.every((s, i) => segmentMatches(s, parts[i]));
  }
  const after = segments.length - any - 1;
  if (parts.length < any + 1 + after) return false;
  for (let i = 0; i < any; i++) if (!segmentMatches(segments[i], parts[i])) return false;
  for (let i = 1; i <= after; i++) {
    if (!segmentMatches(segments[segments.length - i], parts[parts.length - i])) return false;
  }
  return isAnySegments(parts.slice(any, parts.length - after).join("/"));
}
function matchPath(pattern, path9) {
  if (!isPathTemplate(pattern)) return matchString(pattern, path9);
  const segments = templateSegments(pattern);
  return segments !== null && matchTemplate(segments, path9);
}

// src/diff/rule-index.ts
var refKeys = /* @__PURE__ */ new WeakMap();
function refKey(ref) {
  let key = refKeys.get(ref);
  if (key === void 0) {
    key = `${ref.namespace}/${ref.name}`;
    refKeys.set(ref, key);
  }
  return key;
}
var WORKLOAD = "w:";
var SERVICE = "s:";
function ruleTargetKeys(rule) {
  const known = ruleKeys.get(rule.server);
  if (known !== void 0 && known.type === rule.targetType) return known.keys;
  const key = refKey(rule.server);
  const keys = rule.targetType === "service" ? [SERVICE + key] : rule.server.kind === "Service" ? [SERVICE + key, WORKLOAD + key] : [WORKLOAD + key];
  ruleKeys.set(rule.server, { type: rule.targetType, keys });
  return keys;
}
var ruleKeys = /* @__PURE__ */ new WeakMap();
var targetKeys = /* @__PURE__ */ new WeakMap();
function callTargetKeys(call) {
  let keys = targetKeys.get(call.server);
  if (keys === void 0) {
    keys = [WORKLOAD + refKey(call.server)];
    if (call.server.service) keys = [...keys, SERVICE + refKey(call.server.service)];
    targetKeys.set(call.server, keys);
  }
  return keys;
}
function kindsAgree(declared, observed) {
  return declared === void 0 || observed === void 0 || declared === observed;
}
function clientKindAgrees(rule, client) {
  return kindsAgree(rule.client.kind, client.kind);
}
function isWorkloadKey(targetKey) {
  return targetKey.startsWith(WORKLOAD);
}
function serverKindAgrees(rule, throughWorkload, call) {
  if (!throughWorkload || rule.server.kind === "Service") return true;
  return kindsAgree(rule.server.kind, call.server.kind);
}
function hasHttpDetail(call) {
  return call.method !== null && call.path !== null;
}
function stateAllowsCall(state, call) {
  const { method, path: path9 } = state.rule;
  if (method !== null) {
    if (call.method === null) return false;
    if (state.plainMethod ? call.method !== method : !matchMethod(method, call.method)) return false;
  }
  if (path9 !== null) {
    if (call.path === null) return false;
    if (state.plainPath ? call.path !== path9 : !matchPath(path9, call.path)) return false;
  }
  return true;
}
function plain(pattern) {
  return pattern === null || !pattern.includes("*");
}
function buildRuleIndex(rules) {
  const index = /* @__PURE__ */ new Map();
  const states = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const state = {
      rule,
      plainMethod: plain(rule.method),
      plainPath: plain(rule.path),
      matched: false,
      calledWithDetail: false,
      calledWithoutDetail: false
    };
    states.push(state);
    const clientKey2 = refKey(rule.client);
    let byTarget = index.get(clientKey2);
    if (!byTarget) {
      byTarget = /* @__PURE__ */ new Map();
      index.set(clientKey2, byTarget);
    }
    for (const targetKey of ruleTargetKeys(rule)) {
      const list = byTarget.get(targetKey);
      if (list) list.push(state);
      else byTarget.set(targetKey, [state]);
    }
  }
  return { index, states };
}
function declaredTargetKeys(rules) {
  const keys = /* @__PURE__ */ new Set();
  for (let i = 0; i < rules.length; i++) for (const key of ruleTargetKeys(rules[i])) keys.add(key);
  return keys;
}

// src/diff/baseline.ts
var BASELINE_VERSION = 1;
function missingEntry(call) {
  return {
    client: refKey(call.client),
    server: refKey(call.server),
    method: call.method,
    path: call.suggestedPath ?? call.path
  };
}
function staleEntry(rule) {
  return {
    client: refKey(rule.client),
    server: refKey(rule.server),
    targetType: rule.targetType,
    method: rule.method,
    path: rule.path
  };
}
var keyOf = (entry) => JSON.stringify(Object.values(entry));
var missingCallKey = (call) => keyOf(missingEntry(call));
function uniqueSorted(entries) {
  const byKey = new Map(entries.map((e) => [keyOf(e), e]));
  return [...byKey.keys()].sort().map((key) => byKey.get(key));
}
function baselineOf(drift) {
  return {
    version: BASELINE_VERSION,
    missing: uniqueSorted(drift.missing.map(missingEntry)),
    stale: uniqueSorted(drift.stale.map(staleEntry))
  };
}
function renderBaseline(baseline) {
  return `${JSON.stringify(baseline, null, 2)}
`;
}
function applyBaseline(drift, baseline) {
  const known = (keys, used) => (key) => {
    if (!keys.has(key)) return true;
    used.add(key);
    return false;
  };
  const missingKeys = new Set(baseline.missing.map(keyOf));
  const usedMissing = /* @__PURE__ */ new Set();
  const isNewMissing = known(missingKeys, usedMissing);
  const missing = drift.missing.filter((call) => isNewMissing(missingCallKey(call)));
  const staleKeys = new Set(baseline.stale.map(keyOf));
  const usedStale = /* @__PURE__ */ new Set();
  const isNewStale = known(staleKeys, usedStale);
  const stale = drift.stale.filter((rule) => isNewStale(keyOf(staleEntry(rule))));
  const outcome = {
    missing: drift.missing.length - missing.length,
    stale: drift.stale.length - stale.length,
    resolved: missingKeys.size - usedMissing.size + (staleKeys.size - usedStale.size)
  };
  const summary = {
    ...drift.summary,
    missing: missing.length,
    stale: stale.length,
    drift: missing.length > 0 || stale.length > 0
  };
  return { drift: { ...drift, missing, stale, summary }, outcome };
}
function parseBaseline(text3, file) {
  let raw;
  try {
    raw = JSON.parse(text3);
  } catch (err) {
    throw new InputError(`not a baseline: ${err.message}`, {
      file,
      line: jsonErrorLine(text3, err)
    });
  }
  const bad = (what) => {
    throw new InputError(`not a baseline: ${what}`, { file });
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return bad("not a JSON object");
  const top = raw;
  if (top.version !== BASELINE_VERSION) bad(`version must be ${BASELINE_VERSION}`);
  const text_ = (v, at) => typeof v === "string" ? v : bad(`${at} must be a string`);
  const nullable = (v, at) => v === null ? null : text_(v, at);
  const list = (v, at) => {
    if (!Array.isArray(v)) return bad(`${at} must be a list`);
    return v.map(
      (x, i) => typeof x === "object" && x !== null && !Array.isArray(x) ? x : bad(`${at}[${i}] must be an object`)
    );
  };
  return {
    version: BASELINE_VERSION,
    missing: list(top.missing ?? [], "missing").map((x, i) => ({
      client: text_(x.client, `missing[${i}].client`),
      server: text_(x.server, `missing[${i}].server`),
      method: nullable(x.method ?? null, `missing[${i}].method`),
      path: nullable(x.path ?? null, `missing[${i}].path`)
    })),
    stale: list(top.stale ?? [], "stale").map((x, i) => ({
      client: text_(x.client, `stale[${i}].client`),
      server: text_(x.server, `stale[${i}].server`),
      targetType: text_(x.targetType, `stale[${i}].targetType`),
      method: nullable(x.method ?? null, `stale[${i}].method`),
      path: nullable(x.path ?? null, `stale[${i}].path`)
    }))
  };
}
function jsonErrorLine(text3, err) {
  const position = /position (\d+)/.exec(String(err.message))?.[1];
  if (position === void 0) return void 0;
  return text3.slice(0, Number(position)).split("\n").length;
}

// src/config/baseline-file.ts
var MAX_BASELINE_BYTES = 16 * 1024 * 1024;
async function readBaselineFile(cwd, file) {
  const absolute = repositoryLinkGuard(cwd)(path.resolve(cwd, file), file);
  let size;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw new InputError("not a regular file", { file });
    size = info.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot read the baseline: ${err.code ?? String(err)}`, {
      file
    });
  }
  if (size > MAX_BASELINE_BYTES) throw new InputError("baseline larger than 16 MiB", { file });
  return parseBaseline(await readRegularFile(absolute, { file, maxBytes: MAX_BASELINE_BYTES }), file);
}
async function writeBaselineFile(cwd, file, drift) {
  const baseline = baselineOf(drift);
  await writeFileInRepository(cwd, file, renderBaseline(baseline));
  return baseline.missing.length + baseline.stale.length;
}

// src/config/drift-config.ts
var DEFAULT_CONFIG_FILE = ".intent-drift.yaml";
function defaultDriftConfig() {
  return {
    file: void 0,
    ignore: [],
    templates: true,
    minCount: 1,
    failOn: void 0,
    clientIdle: "warn",
    overrides: [],
    environments: {}
  };
}
function driftControls(config, cli = {}) {
  const controls = {
    ignore: config.ignore,
    templates: cli.templates ?? config.templates,
    minCount: cli.minCount ?? config.minCount,
    environments: config.environments,
    policy: {
      failOn: cli.failOn ?? config.failOn ?? "missing",
      clientIdle: config.clientIdle,
      overrides: config.overrides
    }
  };
  if (cli.namespaces) controls.namespaces = cli.namespaces;
  if (cli.baseline) controls.baseline = cli.baseline;
  return controls;
}
function namespacesOfEnvironment(config, environment) {
  return Object.entries(config.environments).filter(([, name]) => name === environment).map(([namespace]) => namespace).sort();
}

// src/config/read-config.ts
import { stat as stat2 } from "node:fs/promises";
import path2 from "node:path";

// src/yaml/read-yaml.ts
import { closeSync, constants, fstatSync, openSync } from "node:fs";

// src/yaml/kubectl-reading.ts
var KUBECTL_ODD_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/;
var BREAK_NAMES = {
  "\x85": "U+0085 (NEXT LINE)",
  "\u2028": "U+2028 (LINE SEPARATOR)",
  "\u2029": "U+2029 (PARAGRAPH SEPARATOR)"
};
var LONE_CARRIAGE_RETURN = /\r(?!\n)/;
var MARKER_LINE = /^(---|\.\.\.)(.*)$/gm;
var SEPARATOR_LINE = /^---/m;
var CONTENT_LINE = /^(?!\.\.\.(?:\s|$))[ \t]*[^\s#]/m;
function kubectlReadingProblem(text3) {
  const body = withoutMark(text3);
  if (isJsonToKubectl(body)) return loneCarriageReturn(body);
  return oddCharacter(body) ?? innerMark(body) ?? directive(body) ?? splitProblem(body);
}
function innerMark(body) {
  const at = body.search(/^\uFEFF/m);
  if (at === -1) return void 0;
  return {
    line: lineAt(body, at),
    message: "a byte order mark (U+FEFF) at the start of a line: go-yaml (kubectl's YAML reader) drops it at the start of a document, where YAML reads it as text; remove it"
  };
}
function loneCarriageReturn(body) {
  const carriage = body.search(LONE_CARRIAGE_RETURN);
  if (carriage === -1) return void 0;
  return {
    line: lineAt(body, carriage),
    message: "a carriage return not followed by a line feed: kubectl cuts lines at line feeds only and go-yaml breaks there too, where YAML 1.2 readers differ; end lines with LF or CRLF"
  };
}
var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
var SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;
function jsonValueProblem(json) {
  let huge = false;
  let lone = false;
  JSON.parse(json, (key, value) => {
    if (typeof value === "number" && !Number.isFinite(value)) huge = true;
    if (LONE_SURROGATE.test(key) || typeof value === "string" && LONE_SURROGATE.test(value)) lone = true;
    return value;
  });
  if (huge) {
    for (const match of json.matchAll(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
      if (!Number.isFinite(Number(match[0])))
        return { line: lineAt(json, match.index), message: HUGE_NUMBER };
    }
    return { line: 1, message: HUGE_NUMBER };
  }
  if (lone) {
    const at = json.search(SURROGATE_ESCAPE);
    return {
      line: at === -1 ? 1 : lineAt(json, at),
      message: "a lone surrogate escape (\\ud800 to \\udfff without its pair): kubectl decodes JSON with Go, which makes it U+FFFD, where it is kept here; write the character itself or its pair"
    };
  }
  return void 0;
}
var HUGE_NUMBER = "a number larger than a 64-bit float holds (1e400): kubectl decodes JSON numbers with Go, where such a number is not what it is here; write a smaller number, or a string";
function kubectlJsonProblem(text3) {
  const body = withoutMark(text3);
  if (!isJsonToKubectl(body)) return void 0;
  try {
    return jsonValueProblem(body);
  } catch (err) {
    const at = /position (\d+)/.exec(err.message);
    return {
      line: at === null ? 1 : lineAt(body, Number(at[1])),
      message: 'kubectl reads a file starting with "{" as JSON, and this is not valid JSON: write it as JSON, or as YAML that does not start with "{"'
    };
  }
}
function oddCharacter(body) {
  const carriage = loneCarriageReturn(body);
  if (carriage !== void 0) return carriage;
  const at = body.search(KUBECTL_ODD_CHARACTER);
  if (at === -1) return void 0;
  const char = body[at];
  const name = BREAK_NAMES[char];
  if (name !== void 0) {
    return {
      line: lineAt(body, at),
      message: `${name} is a line break to kubectl (go-yaml reads YAML 1.1's line breaks) and not to YAML 1.2: the file would say one thing to kubectl and another here; remove it, or write it escaped in a double-quoted string`
    };
  }
  const code = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return {
    line: lineAt(body, at),
    message: `${code} is a control character go-yaml (kubectl's YAML reader) refuses anywhere in a file, comments included, so kubectl refuses the file; remove it, or write it escaped in a double-quoted string`
  };
}
function directive(body) {
  const at = body.search(/^%/m);
  if (at === -1) return void 0;
  const lines = body.slice(0, at).split("\n");
  const part = lines.slice(lines.findLastIndex((l) => l.startsWith("---")) + 1).join("\n");
  const end = /^\.\.\.(?:\s|$)/m.exec(part);
  if (end !== null && part.slice(0, end.index).search(CONTENT_LINE) !== -1) {
    return {
      line: lineAt(body, at),
      message: 'kubectl ignores a YAML directive (%YAML, %TAG) after a "..." (go-yaml reads only the first document between "---" lines) and applies the next document without it, where YAML applies it to that document; remove the line'
    };
  }
  return {
    line: lineAt(body, at),
    message: 'kubectl refuses a file with a YAML directive (%YAML, %TAG) at the head of a document: it cuts the file at the "---" after it, and go-yaml refuses a directive alone; remove the line'
  };
}
function splitProblem(body) {
  if (!body.includes("---") && !body.includes("...")) return void 0;
  let partStart = 0;
  for (const match of body.matchAll(MARKER_LINE)) {
    const [whole, marker, rest] = match;
    if (marker === "---") {
      if (rest.startsWith("#")) {
        return {
          line: lineAt(body, match.index),
          message: 'a "#" right after "---" (no space): a separator and a comment to kubectl, text to YAML; put a space before the "#"'
        };
      }
      const after = rest.trim();
      if (after !== "" && !after.startsWith("#")) {
        return {
          line: lineAt(body, match.index),
          message: `kubectl refuses a document separator with more than a comment after it (${JSON.stringify(whole.trim().slice(0, 40))}): start the document on the next line`
        };
      }
      partStart = match.index + whole.length;
      continue;
    }
    if (rest !== "" && !/^\s/.test(rest)) continue;
    if (body.slice(partStart, match.index).search(CONTENT_LINE) === -1) {
      return {
        line: lineAt(body, match.index),
        message: 'kubectl refuses a "..." with no document before it in its part (between "---" lines): remove the line'
      };
    }
    const from = match.index + whole.length;
    const next = body.slice(from).search(SEPARATOR_LINE);
    const part = body.slice(from, next === -1 ? body.length : from + next);
    const content = part.search(CONTENT_LINE);
    if (content !== -1) {
      return {
        line: lineAt(body, from + content),
        message: `kubectl reads only the first document of each part between "---" lines: this one, after the "..." at line ${lineAt(body, match.index)}, would never be applied; start it with "---"`
      };
    }
  }
  return void 0;
}
function withLastLineEnded(text3) {
  return text3 === "" || text3.endsWith("\n") || isJsonToKubectl(withoutMark(text3)) ? text3 : `${text3}
`;
}
function withoutMark(text3) {
  return text3.charCodeAt(0) === 65279 ? text3.slice(1) : text3;
}
var JSON_PEEK_BYTES = 4096;
var NOT_GO_SPACE = /[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
function isJsonToKubectl(body) {
  const at = body.search(NOT_GO_SPACE);
  if (at === -1 || body[at] !== "{") return false;
  return Buffer.byteLength(body.slice(0, at), "utf8") < JSON_PEEK_BYTES;
}
function lineAt(text3, offset) {
  let line = 1;
  for (let i = text3.indexOf("\n"); i !== -1 && i < offset; i = text3.indexOf("\n", i + 1)) line++;
  return line;
}

// src/yaml/json-stream.ts
var SPACE = /[ \t\r\n]/;
function isJsonSpace(char) {
  return char !== void 0 && SPACE.test(char);
}
function valueEnd(text3, start) {
  const first = text3[start];
  if (first === '"') return stringEnd(text3, start);
  if (first !== "{" && first !== "[") {
    let i = start;
    while (i < text3.length && !/[\s{}[\]",:]/.test(text3[i])) i++;
    return Math.max(i, start + 1);
  }
  let depth = 0;
  for (let i = start; i < text3.length; i++) {
    const c = text3[i];
    if (c === '"') {
      i = stringEnd(text3, i) - 1;
    } else if (c === "{" || c === "[") {
      depth++;
    } else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text3.length;
}
function stringEnd(text3, start) {
  for (let i = start + 1; i < text3.length; i++) {
    if (text3[i] === "\\") i++;
    else if (text3[i] === '"') return i + 1;
  }
  return text3.length;
}
function jsonStreamValues(body, most = Number.POSITIVE_INFINITY) {
  const values = [];
  let line = 1;
  let i = 0;
  for (; ; ) {
    while (isJsonSpace(body[i])) {
      if (body[i] === "\n") line++;
      i++;
    }
    if (i >= body.length) return { values };
    const end = valueEnd(body, i);
    const text3 = body.slice(i, end);
    let problem;
    try {
      problem = jsonValueProblem(text3);
    } catch {
      return { brokenAt: i, line, after: values.length };
    }
    values.push({ text: text3, line, problem });
    if (values.length > most) return { tooMany: true };
    for (let k = text3.indexOf("\n"); k !== -1; k = text3.indexOf("\n", k + 1)) line++;
    i = end;
  }
}

// src/yaml/kubectl-text.ts
var UTF16LE = new TextDecoder("utf-16le");
var UTF16BE = new TextDecoder("utf-16be");
function utf16Decoder(bytes) {
  if (bytes.length < 2) return void 0;
  if (bytes[0] === 255 && bytes[1] === 254) return UTF16LE;
  if (bytes[0] === 254 && bytes[1] === 255) return UTF16BE;
  return void 0;
}
function yamlTextOf(bytes) {
  const utf16 = utf16Decoder(bytes);
  if (utf16 !== void 0) return utf16.decode(bytes.subarray(2));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}
function isUtf16(bytes) {
  return utf16Decoder(bytes) !== void 0;
}

// src/yaml/scalar-strings.ts
import { Buffer as Buffer2 } from "node:buffer";
var MAX_KEPT_LENGTH = 256;
var MAX_KEPT = 1 << 16;
var kept = /* @__PURE__ */ new Map();
var TWO_BYTE = /[\u0100-\uffff]/;
function scalarString(text3) {
  if (text3.length > MAX_KEPT_LENGTH) return text3;
  const known = kept.get(text3);
  if (known !== void 0) return known;
  if (kept.size >= MAX_KEPT) return text3;
  const own = TWO_BYTE.test(text3) ? Buffer2.from(text3, "utf16le").toString("utf16le") : Buffer2.from(text3, "latin1").toString("latin1");
  kept.set(own, own);
  return own;
}
function scalarValue(value) {
  return typeof value === "string" ? scalarString(value) : value;
}

// src/yaml/yaml-tree.ts
var MAX_YAML_BYTES = 4 * 1024 * 1024;
var MAX_YAML_DOCUMENTS = 1e4;
var MAX_YAML_NODES = 1e5;
var MAX_YAML_DEPTH = 64;
var MAX_YAML_VALUES = 2e5;
var PRECOUNT_ABOVE_CHARS = 128 * 1024;
var MAX_FAST_KEY_CHARS = 1e3;

// src/yaml/plain-yaml.ts
var GIVE_UP = /* @__PURE__ */ Symbol("give up");
var MAX_PLAIN_CHARS = MAX_YAML_BYTES;
var MAX_PLAIN_LINES = 2 * MAX_YAML_NODES;
var KEY = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/;
var PLAIN_STRING = /^[A-Za-z_/][A-Za-z0-9_.\-/{}*~%@+= ]*(?::[A-Za-z0-9_.\-/{}*~%@+=]+)*$/;
var FLOW_STRING = /^[A-Za-z_/][A-Za-z0-9_.\-/*~%@+= ]*$/;
var SMALL_INTEGER = /^[0-9]{1,15}$/;
var NOT_STRINGS = /* @__PURE__ */ new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);
function giveUp() {
  throw GIVE_UP;
}
function plainYamlDocuments(text3) {
  if (text3.length > MAX_PLAIN_CHARS || text3.includes("	") || text3.charCodeAt(0) === 65279) return void 0;
  if (text3.length > MAX_PLAIN_CHARS / 3 && Buffer.byteLength(text3, "utf8") > MAX_YAML_BYTES) return void 0;
  if (text3.endsWith("\r")) return void 0;
  try {
    return new PlainReader(text3).documents();
  } catch (err) {
    if (err === GIVE_UP) return void 0;
    throw err;
  }
}
var PlainReader = class {
  lines = [];
  at = 0;
  nodes = 0;
  constructor(text3) {
    for (let start = 0, number = 1; start < text3.length; number++) {
      const end = text3.indexOf("\n", start);
      const line = text3.slice(start, end === -1 ? text3.length : end);
      start = end === -1 ? text3.length : end + 1;
      let content = line.endsWith("\r") ? line.slice(0, -1) : line;
      if (content.includes("\r")) giveUp();
      let indent = 0;
      while (content.charCodeAt(indent) === 32) indent++;
      content = content.slice(indent);
      if (content === "" || content.startsWith("#")) continue;
      if (this.lines.length >= MAX_PLAIN_LINES) giveUp();
      this.lines.push({ number, indent, text: content });
    }
  }
  documents() {
    const documents = [];
    let started = false;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (isDocumentStart(line)) {
        if (started || documents.length > 0) giveUp();
        started = true;
        this.at++;
        continue;
      }
      if (line.text.startsWith("%") || line.text.startsWith("...")) giveUp();
      const root = this.block(line.indent, 0);
      if (documents.length >= MAX_YAML_DOCUMENTS) giveUp();
      documents.push({ root, line: root.line });
      started = false;
      const next = this.lines[this.at];
      if (next !== void 0) {
        if (!isDocumentStart(next)) giveUp();
        this.at++;
        started = true;
        if (this.at >= this.lines.length) giveUp();
      }
    }
    if (documents.length === 0) giveUp();
    return documents;
  }
  count(depth) {
    if (++this.nodes > MAX_YAML_NODES || depth > MAX_YAML_DEPTH) giveUp();
  }
  /** A block map or sequence whose first line is the current one, at `indent`. */
  block(indent, depth) {
    const line = this.lines[this.at];
    if (line.indent !== indent) giveUp();
    return isSeqItem(line.text) ? this.seq(indent, depth) : this.map(indent, depth);
  }
  map(indent, depth) {
    this.count(depth);
    const entries = /* @__PURE__ */ new Map();
    const first = this.lines[this.at].number;
    for (; ; ) {
      const line = this.lines[this.at];
      if (line === void 0 || line.indent < indent || isDocumentStart(line)) break;
      if (line.indent > indent || isSeqItem(line.text)) giveUp();
      const colon = line.text.indexOf(":");
      if (colon === -1 || colon > MAX_FAST_KEY_CHARS) giveUp();
      const key = line.text.slice(0, colon);
      const after = line.text.slice(colon + 1);
      if (!KEY.test(key) || NOT_STRINGS.has(key) || goYamlV2Value(key) !== key || entries.has(key)) giveUp();
      if (after !== "" && !after.startsWith(" ")) giveUp();
      this.at++;
      entries.set(key, { keyLine: line.number, value: this.value(after, line, indent, depth, true) });
    }
    return { type: "map", line: first, entries };
  }
  seq(indent, depth) {
    this.count(depth);
    const items = [];
    const first = this.lines[this.at].number;
    for (; ; ) {
      const line = this.lines[this.at];
      if (line === void 0 || line.indent < indent || isDocumentStart(line)) break;
      if (line.indent > indent) giveUp();
      if (!isSeqItem(line.text)) break;
      const rest = line.text.slice(1);
      const gap = rest.length - rest.trimStart().length;
      const content = rest.slice(gap);
      if (content !== "" && !content.startsWith("#") && looksLikeKey(content)) {
        line.indent = indent + 1 + gap;
        line.text = content;
        items.push(this.map(line.indent, depth + 1));
        continue;
      }
      this.at++;
      items.push(this.value(rest, line, indent, depth, false));
    }
    return { type: "seq", line: first, items };
  }
  /**
   * The value after `key:` or `-` (`after`, with its leading spaces), at the parent's indent:
   * a scalar or flow sequence on the line, a block on the next lines, or null.
   */
  value(after, line, indent, depth, inMap) {
    const text3 = after.trimStart();
    const next = this.lines[this.at];
    if (text3 === "" || text3.startsWith("#")) {
      if (next !== void 0 && !isDocumentStart(next)) {
        if (next.indent > indent) return this.block(next.indent, depth + 1);
        if (inMap && next.indent === indent && isSeqItem(next.text)) return this.seq(indent, depth + 1);
      }
      this.count(depth + 1);
      return { type: "scalar", line: line.number, value: null };
    }
    if (next !== void 0 && next.indent > indent && !isDocumentStart(next)) giveUp();
    this.count(depth + 1);
    if (text3.startsWith("[")) return this.flow(text3, line.number, depth + 1);
    return { type: "scalar", line: line.number, value: scalar(withoutComment(text3), PLAIN_STRING) };
  }
  /** `[a, b, "c"]` on one line, nothing but a comment after it. */
  flow(text3, line, depth) {
    const close = text3.indexOf("]");
    const rest = text3.slice(close + 1);
    if (close === -1 || rest !== "" && !rest.startsWith(" ") || withoutComment(rest) !== "") giveUp();
    const inner = text3.slice(1, close).trim();
    const items = [];
    if (inner !== "") {
      for (const item of inner.split(",")) {
        this.count(depth + 1);
        items.push({ type: "scalar", line, value: scalar(item.trim(), FLOW_STRING) });
      }
    }
    return { type: "seq", line, items };
  }
};
function isDocumentStart(line) {
  return line.indent === 0 && (line.text === "---" || line.text.startsWith("--- #"));
}
function isSeqItem(text3) {
  return text3 === "-" || text3.startsWith("- ");
}
function looksLikeKey(text3) {
  const colon = text3.indexOf(":");
  return colon > 0 && (colon === text3.length - 1 || text3[colon + 1] === " ") && KEY.test(text3.slice(0, colon));
}
function withoutComment(text3) {
  const hash = text3.indexOf("#");
  if (hash === -1) return text3.trimEnd();
  if (hash > 0 && text3[hash - 1] !== " ") giveUp();
  return text3.slice(0, hash).trimEnd();
}
function scalar(text3, plain2) {
  const quote = text3[0];
  if (quote === '"' || quote === "'") {
    const body = text3.slice(1, -1);
    if (text3.length < 2 || text3[text3.length - 1] !== quote || body.includes(quote) || body.includes("\\"))
      giveUp();
    return scalarString(body);
  }
  if (SMALL_INTEGER.test(text3)) {
    const value = Number.parseInt(text3, 10);
    if (goYamlV2Value(text3) !== value) giveUp();
    return value;
  }
  if (!plain2.test(text3) || text3.endsWith(" ") || goYamlV2Value(text3) !== text3) giveUp();
  return scalarString(text3);
}

// src/yaml/yaml-cst-tree.ts
var GIVE_UP2 = /* @__PURE__ */ Symbol("give up");
var template = new Document();
var schema4 = template.schema;
var options = template.options;
var scalarTags = schema4.tags.filter((tag) => !("collection" in tag && tag.collection));
var valueTags = scalarTags.filter((tag) => tag.default === true && tag.test !== void 0);
var keyTags = scalarTags.filter(
  (tag) => (tag.default === true || tag.default === "key") && tag.test !== void 0
);
var usable = schema4.compat === null || schema4.compat === void 0;
function documentsFromCst(tokens, text3, lineOf3) {
  if (!usable || text3.includes("	") || ODD_ESCAPE.test(text3)) return void 0;
  try {
    return new CstWalk(text3, lineOf3).stream(tokens);
  } catch (err) {
    if (err === GIVE_UP2) return void 0;
    throw err;
  }
}
function giveUp2() {
  throw GIVE_UP2;
}
var CstWalk = class {
  nodes = 0;
  text;
  lineOf;
  constructor(text3, lineOf3) {
    this.text = text3;
    this.lineOf = lineOf3;
  }
  stream(tokens) {
    const documents = [];
    let open = false;
    for (const token of tokens) {
      switch (token.type) {
        case "document":
          documents.push(this.document(token));
          open = true;
          break;
        case "doc-end":
          if (!open) giveUp2();
          this.trivia(token.end);
          open = false;
          break;
        case "comment":
          this.comment(token);
          break;
        case "newline":
        case "space":
          break;
        default:
          giveUp2();
      }
    }
    return documents;
  }
  document(doc) {
    let docStart = false;
    let newline = false;
    for (const token of doc.start) {
      if (token.type === "doc-start") {
        if (docStart) giveUp2();
        docStart = true;
      } else if (token.type === "newline") newline = true;
      else if (token.type === "comment") this.comment(token);
      else if (token.type !== "space") giveUp2();
    }
    const value = doc.value;
    if (docStart && !newline && (value?.type === "block-map" || value?.type === "block-seq")) giveUp2();
    this.trivia(doc.end);
    if (value === void 0) {
      return { root: null, line: this.lineOf(emptyValueOffset(doc.start, endOf(doc.start, doc.offset))) };
    }
    if (value.type === "block-scalar") giveUp2();
    const root = this.node(value, 0);
    return {
      root: root.type === "scalar" && root.value === null ? null : root,
      line: this.lineOf(value.offset)
    };
  }
  node(token, depth) {
    this.count();
    if (depth > MAX_YAML_DEPTH) giveUp2();
    switch (token.type) {
      case "block-map":
        return this.blockMap(token, depth);
      case "block-seq":
        return this.blockSeq(token, depth);
      case "flow-collection":
        return this.flowSeq(token);
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        if (token.source.includes("\n")) giveUp2();
        return { type: "scalar", line: this.lineOf(token.offset), value: this.scalar(token, false) };
      case "block-scalar":
        return { type: "scalar", line: this.lineOf(token.offset), value: this.scalar(token, false) };
      default:
        return giveUp2();
    }
  }
  blockMap(map2, depth) {
    const entries = /* @__PURE__ */ new Map();
    const last = map2.items.length - 1;
    map2.items.forEach((item, i) => {
      this.trivia(item.start);
      if (item.key === void 0 && item.sep === void 0) {
        if (i !== last) giveUp2();
        return;
      }
      const key = item.key;
      if (!isOneLineFlowScalar(key) || key.indent !== map2.indent || item.explicitKey) giveUp2();
      if (key.type === "scalar" && key.source === "<<") giveUp2();
      const sep = item.sep ?? giveUp2();
      let indicator;
      let newline = false;
      for (const token of sep) {
        if (token.type === "map-value-ind") {
          if (indicator) giveUp2();
          indicator = token;
        } else if (token.type === "newline") {
          if (!indicator) giveUp2();
          newline = true;
        } else if (token.type === "comment") {
          if (!indicator) giveUp2();
          this.comment(token);
        } else if (token.type !== "space") giveUp2();
      }
      if (!indicator || indicator.offset - key.offset > MAX_FAST_KEY_CHARS) giveUp2();
      const value = item.value;
      if (value?.type === "block-map" && !newline) giveUp2();
      const keyValue = this.scalar(key, true);
      if (keyValue === null || key.type === "scalar" && isGoYamlV2Float(key.source)) giveUp2();
      const name = String(keyValue);
      if (entries.has(name)) giveUp2();
      const node = value === void 0 ? this.emptyScalar(sep, endOf(sep, indicator.offset)) : this.node(value, depth + 1);
      entries.set(name, { keyLine: this.lineOf(key.offset), value: node });
    });
    return { type: "map", line: this.lineOf(map2.offset), entries };
  }
  blockSeq(seq2, depth) {
    const items = [];
    const last = seq2.items.length - 1;
    seq2.items.forEach((item, i) => {
      let indicator = false;
      for (const token of item.start) {
        if (token.type === "seq-item-ind") {
          if (indicator) giveUp2();
          indicator = true;
        } else if (token.type === "comment") this.comment(token);
        else if (token.type !== "space" && token.type !== "newline") giveUp2();
      }
      if (!indicator) {
        if (item.value !== void 0 || i !== last) giveUp2();
        return;
      }
      items.push(
        item.value === void 0 ? this.emptyScalar(item.start, endOf(item.start, seq2.offset)) : this.node(item.value, depth + 1)
      );
    });
    return { type: "seq", line: this.lineOf(seq2.offset), items };
  }
  /** `[a, b, "c"]` on one line; flow maps and anything spread over lines go to the Composer. */
  flowSeq(flow) {
    if (flow.start.source !== "[") giveUp2();
    const items = [];
    flow.items.forEach((item, i) => {
      let commas = 0;
      for (const token of item.start) {
        if (token.type === "comma") commas++;
        else if (token.type !== "space") giveUp2();
      }
      const value = item.value;
      if (commas !== (i === 0 ? 0 : 1) || item.key !== void 0 || item.sep !== void 0) giveUp2();
      if (!isOneLineFlowScalar(value)) giveUp2();
      if (value.type === "scalar" && /^[?:]/.test(value.source)) giveUp2();
      this.count();
      items.push({ type: "scalar", line: this.lineOf(value.offset), value: this.scalar(value, false) });
    });
    const [close, ...after] = flow.end;
    if (close?.type !== "flow-seq-end") giveUp2();
    this.trivia(after);
    return { type: "seq", line: this.lineOf(flow.offset), items };
  }
  /**
   * A scalar's value, typed as the core schema types it (plain scalars only; quoted ones are
   * strings). A plain value kubectl reads otherwise (go-yaml v2: `on` is true) is the
   * Composer's to read, which keeps what was written for the error.
   */
  scalar(token, atKey) {
    const resolved = cst_exports.resolveAsScalar(token, options.strict, giveUp2);
    if (token.type !== "scalar" && token.type !== "block-scalar" && !isClosedQuote(token.source)) giveUp2();
    if (token.type !== "scalar") return scalarValue(resolved.value);
    const value = resolvePlain(resolved.value, atKey);
    if (!sameScalarValue(goYamlV2Value(resolved.value), value)) giveUp2();
    if (typeof value === "number" && !Number.isFinite(value)) giveUp2();
    return scalarValue(value);
  }
  /** `key:` or `-` with nothing after: null, placed as the Composer places it. */
  emptyScalar(before2, end) {
    this.count();
    return { type: "scalar", line: this.lineOf(emptyValueOffset(before2, end)), value: null };
  }
  /** One more node; past the limit the Composer's path reports it, with its line. */
  count() {
    if (++this.nodes > MAX_YAML_NODES) giveUp2();
  }
  /** Spaces, newlines and comments only. */
  trivia(tokens) {
    for (const token of tokens ?? []) {
      if (token.type === "comment") this.comment(token);
      else if (token.type !== "space" && token.type !== "newline") giveUp2();
    }
  }
  /** A comment must follow white space ("Comments must be separated from other tokens..."). */
  comment(token) {
    const before2 = this.text.charCodeAt(token.offset - 1);
    if (token.offset > 0 && before2 !== 32 && before2 !== 10 && before2 !== 13) giveUp2();
  }
};
function isOneLineFlowScalar(token) {
  if (token == null) return false;
  if (token.type !== "scalar" && token.type !== "single-quoted-scalar" && token.type !== "double-quoted-scalar") {
    return false;
  }
  if (token.source.includes("\n")) return false;
  for (const t of token.end ?? []) if (t.type !== "space") return false;
  return true;
}
function endOf(tokens, fallback) {
  const last = tokens[tokens.length - 1];
  return last === void 0 ? fallback : last.offset + last.source.length;
}
function emptyValueOffset(before2, end) {
  let i = before2.length - 1;
  let offset = end;
  while (i >= 0) {
    const type = before2[i].type;
    if (type !== "space" && type !== "comment" && type !== "newline") break;
    offset -= before2[i].source.length;
    i--;
  }
  if (i < 0) return offset;
  for (i++; before2[i]?.type === "space"; i++) offset += before2[i].source.length;
  return offset;
}
function resolvePlain(text3, atKey) {
  const tag = (atKey ? keyTags : valueTags).find((t) => t.test?.test(text3));
  if (tag === void 0) return text3;
  let result;
  try {
    result = tag.resolve(text3, giveUp2, options);
  } catch (err) {
    if (err === GIVE_UP2) throw err;
    return giveUp2();
  }
  const value = isScalar(result) ? result.value : result;
  if (value === null || ["string", "number", "boolean", "bigint"].includes(typeof value)) {
    return value;
  }
  return giveUp2();
}

// src/yaml/yaml-tree-converter.ts
function isMergeKey2(key) {
  if (key.tag === "tag:yaml.org,2002:merge") return true;
  return key.tag === void 0 && key.type === "PLAIN" && key.value === "<<";
}
function isPlainUntagged(node) {
  return node.type === "PLAIN" && node.tag === void 0 && typeof node.source === "string";
}
var TreeConverter = class {
  nodes = 0;
  /** Line of the outermost alias being expanded: where a budget overrun is reported. */
  aliasLine;
  doc;
  file;
  lineOf;
  /** The whole text the document is part of. */
  text;
  json;
  constructor(doc, text3, file, lineOf3) {
    this.doc = doc;
    this.text = text3;
    this.json = isJsonToKubectl(withoutMark(text3));
    this.file = file;
    this.lineOf = lineOf3;
  }
  /** Aliases and anchors converted so far: a map that saw the count grow holds some. */
  shared = 0;
  convert(node, depth, fallbackLine = 1) {
    const line = this.lineOfNode(node, fallbackLine);
    if (isAlias(node) || isNode(node) && node.anchor !== void 0) this.shared++;
    if (++this.nodes > MAX_YAML_NODES) {
      throw new InputError(`too many YAML nodes after expanding aliases (limit ${MAX_YAML_NODES})`, {
        file: this.file,
        line: this.aliasLine ?? line
      });
    }
    if (depth > MAX_YAML_DEPTH) {
      throw new InputError(`YAML nested deeper than ${MAX_YAML_DEPTH} levels`, { file: this.file, line });
    }
    const tagRefused = refusedTag(isNode(node) ? node.tag : void 0);
    if (tagRefused !== void 0) throw new InputError(tagRefused, { file: this.file, line });
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) throw new InputError(`unknown alias *${node.source}`, { file: this.file, line });
      const outermost = this.aliasLine === void 0;
      if (outermost) this.aliasLine = line;
      const resolved = this.convert(target, depth + 1, line);
      if (outermost) this.aliasLine = void 0;
      return { ...resolved, line };
    }
    const anchor = isAlias(node) ? node.source : isNode(node) ? node.anchor : void 0;
    if (anchor !== void 0 && !/^[A-Za-z0-9_-]+$/.test(anchor)) {
      throw new InputError(
        `anchor or alias name ${JSON.stringify(anchor.slice(0, 20))}: kubectl's YAML reader (go-yaml) takes only letters, digits, _ and -`,
        { file: this.file, line }
      );
    }
    if (isMap(node)) {
      if (node.flow) this.refuseIndicatorLike([node], line);
      const sharedBefore = this.shared - (node.anchor === void 0 ? 0 : 1);
      const entries = /* @__PURE__ */ new Map();
      const keys = /* @__PURE__ */ new Set();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyLine = this.lineOfNode(pair.key, line);
        if (!isScalar(pair.key)) {
          throw new InputError("only plain keys are supported", { file: this.file, line: keyLine });
        }
        if (isMergeKey2(pair.key)) {
          this.shared++;
          for (const merged of this.mergedMaps(pair.value, depth + 1, keyLine)) {
            for (const [name, entry] of merged.entries) entries.set(name, entry);
          }
          continue;
        }
        this.refuseQuote(pair.key, keyLine);
        const key = isPlainUntagged(pair.key) ? goYamlV2Value(pair.key.source) : pair.key.value;
        if (isPlainUntagged(pair.key) && isGoYamlV2Float(pair.key.source)) {
          throw new InputError(
            `${pair.key.source.slice(0, 20)}: a number with a fraction or exponent as a key, which kubectl writes as a 32-bit float (1e9: is the key "1e+09"); quote it`,
            { file: this.file, line: keyLine }
          );
        }
        if (isPlainUntagged(pair.key) && isGoYamlV2Uint64(pair.key.source)) {
          throw new InputError(
            `${pair.key.source.slice(0, 24)}: a whole number past 64-bit signed integers as a key, which kubectl refuses (Unsupported map key of type: uint64); quote it`,
            { file: this.file, line: keyLine }
          );
        }
        if (key === null) {
          throw new InputError("a null key (~, null or nothing): kubectl cannot turn it into JSON", {
            file: this.file,
            line: keyLine
          });
        }
        if (keys.has(key) && !Number.isNaN(key)) {
          throw new InputError("Map keys must be unique", { file: this.file, line: keyLine });
        }
        keys.add(key);
        const value = this.convert(pair.value, depth + 1, keyLine);
        entries.set(String(key), { keyLine, value });
      }
      return this.shared > sharedBefore ? { type: "map", line, entries, shared: true } : { type: "map", line, entries };
    }
    if (isSeq(node)) {
      if (node.flow) this.refuseIndicatorLike(node.items, line);
      return { type: "seq", line, items: node.items.map((item) => this.convert(item, depth + 1, line)) };
    }
    if (isScalar(node)) {
      this.refuseQuote(node, line);
      const value = node.value;
      const plain2 = value === null || ["string", "number", "boolean", "bigint"].includes(typeof value) ? value : String(value);
      const kubectls = isPlainUntagged(node) ? goYamlV2Value(node.source) : plain2;
      if (typeof kubectls === "number" && !Number.isFinite(kubectls)) {
        throw new InputError(
          `${String(node.source)}: kubectl cannot turn an infinity or NaN into JSON (sigs.k8s.io/yaml refuses it), so it refuses the file`,
          { file: this.file, line }
        );
      }
      if (!sameScalarValue(kubectls, plain2))
        return { type: "scalar", line, value: kubectls, written: String(node.source) };
      return { type: "scalar", line, value: scalarValue(plain2) };
    }
    return { type: "scalar", line, value: null };
  }
  /**
   * Inside brackets, a plain value starting with `?` or `:` is a key or value indicator to
   * go-yaml (libyaml's flow rules), a string to YAML 1.2: `[a, ?x]` is `[a, {x: null}]` to kubectl.
   */
  refuseIndicatorLike(items, line) {
    for (const item of items) {
      const pairs2 = isPair(item) ? [item] : isMap(item) ? item.items : [];
      const scalars = isScalar(item) ? [item] : pairs2.flatMap((pair) => [pair.key, pair.value]);
      for (const scalar2 of scalars) {
        if (isScalar(scalar2) && isPlainUntagged(scalar2) && /^[?:]/.test(scalar2.source)) {
          throw new InputError(
            `${scalar2.source.slice(0, 20)}: inside [...] or {...} a plain value starting with ? or : is an indicator to kubectl's YAML reader (go-yaml); quote it`,
            { file: this.file, line: this.lineOfNode(scalar2, line) }
          );
        }
      }
    }
  }
  /**
   * The maps a merge key's value sets into its map, in the order they are set: a map (an alias
   * of one, or one written there), or a list of them, the last first so that the first wins.
   */
  mergedMaps(value, depth, keyLine) {
    const wantMap = () => new InputError("<<: a merge key takes a map or a list of maps", { file: this.file, line: keyLine });
    const converted = this.convert(value, depth, keyLine);
    if (converted.type === "map") return [converted];
    if (converted.type !== "seq") throw wantMap();
    return converted.items.toReversed().map((item) => {
      if (item.type !== "map") throw wantMap();
      return item;
    });
  }
  /**
   * A quoted scalar go-yaml v2 refuses: one cut short by the end of its document (this package
   * closes it, go-yaml reading the part kubectl cut at the `---` refuses it), or one with an
   * escape it does not know (goYamlV2EscapeProblem).
   */
  refuseQuote(node, line) {
    if (node.type !== "QUOTE_SINGLE" && node.type !== "QUOTE_DOUBLE") return;
    const raw = node.range ? this.text.slice(node.range[0], node.range[1]) : "";
    if (!isClosedQuote(raw)) {
      throw new InputError("a quoted value without its closing quote", { file: this.file, line });
    }
    const problem = this.json ? void 0 : goYamlV2EscapeProblem(raw);
    if (problem !== void 0) throw new InputError(problem, { file: this.file, line });
  }
  lineOfNode(node, fallbackLine) {
    const range = node?.range;
    return range ? this.lineOf(range[0]) : fallbackLine;
  }
};

// src/yaml/read-yaml.ts
function readYamlFile(absolutePath, file) {
  let text3;
  let fd;
  try {
    fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw cannotRead(err, file);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new InputError("not a regular file", { file });
    if (info.size > MAX_YAML_BYTES) throw tooLarge(info.size, file);
    text3 = yamlTextOf(readAtMost(fd, info.size, MAX_YAML_BYTES, file));
  } catch (err) {
    throw err instanceof InputError ? err : cannotRead(err, file);
  } finally {
    closeSync(fd);
  }
  return parseYamlDocuments(text3, file);
}
function parseYamlDocuments(text3, file) {
  const problem = kubectlReadingProblem(text3);
  if (problem !== void 0) throw new InputError(problem.message, { file, line: problem.line });
  const stream = jsonStreamDocuments(text3, file);
  if (stream !== void 0) return stream;
  const documents = readDocuments(withLastLineEnded(text3), file);
  const notJson = kubectlJsonProblem(text3);
  if (notJson !== void 0) throw new InputError(notJson.message, { file, line: notJson.line });
  return documents;
}
function jsonStreamDocuments(text3, file) {
  const body = withoutMark(text3);
  if (!isJsonToKubectl(body)) return void 0;
  const stream = jsonStreamValues(body, MAX_YAML_DOCUMENTS);
  if ("tooMany" in stream) throw tooManyDocuments(file);
  if (!("values" in stream)) {
    if (stream.after === 0) return void 0;
    throw new InputError(
      `kubectl reads a file starting with "{" as a stream of JSON values, and value ${stream.after + 1} of it is not valid JSON: write each value as JSON, or the file as YAML that does not start with "{"`,
      { file, line: stream.line }
    );
  }
  if (stream.values.length < 2) return void 0;
  const bytes = Buffer.byteLength(text3, "utf8");
  if (bytes > MAX_YAML_BYTES) throw tooLarge(bytes, file);
  refuseTooManyValues(text3, file);
  const documents = [];
  for (const value of stream.values) {
    if (value.text === "null") continue;
    const below = value.line - 1;
    const problem = value.problem;
    if (problem !== void 0) throw new InputError(problem.message, { file, line: problem.line + below });
    let read;
    try {
      read = readDocuments(withLastLineEnded(value.text), file);
    } catch (err) {
      if (!(err instanceof InputError) || err.line === void 0) throw err;
      throw new InputError(err.message, { file: err.file ?? file, line: err.line + below });
    }
    for (const doc of read) {
      if (doc.root !== null) moveDown(doc.root, below);
      documents.push({ ...doc, line: doc.line + below });
    }
  }
  return documents;
}
function moveDown(node, lines) {
  node.line += lines;
  if (node.type === "map") {
    for (const entry of node.entries.values()) {
      entry.keyLine += lines;
      moveDown(entry.value, lines);
    }
  } else if (node.type === "seq") {
    for (const item of node.items) moveDown(item, lines);
  }
}
function readDocuments(text3, file) {
  const plain2 = plainYamlDocuments(text3);
  if (plain2 !== void 0) return plain2;
  const { tokens, lineOf: lineOf3 } = tokenizeYaml(text3, file);
  return documentsFromCst(tokens, text3, lineOf3) ?? composeDocuments(tokens, text3, file, lineOf3);
}
function tokenizeYaml(text3, file) {
  const bytes = Buffer.byteLength(text3, "utf8");
  if (bytes > MAX_YAML_BYTES) throw tooLarge(bytes, file);
  refuseTooManyValues(text3, file);
  const lineCounter = new LineCounter();
  const tokens = [];
  let documents = 0;
  for (const token of new Parser(lineCounter.addNewLine).parse(text3)) {
    if (token.type === "document" && ++documents > MAX_YAML_DOCUMENTS) throw tooManyDocuments(file);
    tokens.push(token);
  }
  let end = text3.length;
  while (end > 0 && text3.charCodeAt(end - 1) === 10) end--;
  const lineOf3 = (offset) => Math.max(1, lineCounter.linePos(Math.min(offset, Math.max(0, end - 1))).line);
  return { tokens, lineOf: lineOf3 };
}
function composeDocuments(tokens, text3, file, lineOf3) {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  const documents = [];
  for (const doc of composer.compose(tokens)) {
    const error = doc.errors[0];
    if (error) {
      const message = error.code === "RESOURCE_EXHAUSTION" ? `YAML nested too deeply to read (${error.message})` : error.message;
      throw new InputError(message, { file, line: lineOf3(errorOffset(doc.errors)) });
    }
    const contents = doc.contents;
    if (isScalar(contents) && (contents.type === "BLOCK_LITERAL" || contents.type === "BLOCK_FOLDED")) {
      throw new InputError(
        "a whole document written as a block scalar (| or >): no Kubernetes object, and kubectl (go-yaml) reads its lines otherwise",
        { file, line: lineOf3(contents.range?.[0] ?? doc.range[0]) }
      );
    }
    const converter = new TreeConverter(doc, text3, file, lineOf3);
    const root = converter.convert(doc.contents, 0);
    const line = lineOf3(doc.contents?.range?.[0] ?? doc.range[0]);
    documents.push({ root: root.type === "scalar" && root.value === null ? null : root, line });
  }
  return documents;
}
function errorOffset(errors) {
  const first = errors[0];
  if (first.code !== "BLOCK_AS_IMPLICIT_KEY") return first.pos[0];
  const key = errors.find((e) => e.code === "MULTILINE_IMPLICIT_KEY" && e.pos[0] === first.pos[0]);
  return key ? key.pos[1] : first.pos[0];
}
function tooManyDocuments(file) {
  return new InputError(`more than ${MAX_YAML_DOCUMENTS} YAML documents`, { file });
}
function refuseTooManyValues(text3, file) {
  if (text3.length <= PRECOUNT_ABOVE_CHARS) return;
  let values = 0;
  let documents = 0;
  let offset = 0;
  for (const lexeme of new Lexer().lex(text3)) {
    if (lexeme === cst_exports.SCALAR) {
      values++;
      continue;
    }
    if (lexeme === cst_exports.DOCUMENT || lexeme === cst_exports.FLOW_END) continue;
    if (lexeme === "-" || lexeme === "[" || lexeme === "{") values++;
    else if (lexeme === "---" && ++documents > MAX_YAML_DOCUMENTS) throw tooManyDocuments(file);
    offset += lexeme.length;
    if (values > MAX_YAML_VALUES) {
      throw new InputError(
        `more than ${MAX_YAML_VALUES} YAML values (scalars and collections); refused before parsing`,
        {
          file,
          line: lineAt2(text3, offset)
        }
      );
    }
  }
}
function lineAt2(text3, offset) {
  let line = 1;
  for (let i = text3.indexOf("\n"); i !== -1 && i < offset; i = text3.indexOf("\n", i + 1)) line++;
  return line;
}
function cannotRead(err, file) {
  return new InputError(`cannot read: ${err.code ?? String(err)}`, { file });
}
function tooLarge(bytes, file) {
  const mib = (n) => (n / 1024 / 1024).toFixed(1);
  return new InputError(`file too large (${mib(bytes)} MiB, limit ${mib(MAX_YAML_BYTES)} MiB)`, { file });
}

// src/yaml/yaml-fields.ts
function fail(file, line, message) {
  throw new InputError(message, { file, line });
}
function child(map2, key) {
  const value = map2.entries.get(key)?.value;
  if (value === void 0 || value.type === "scalar" && value.value === null) return void 0;
  return value;
}
function describe(node) {
  if (node.type === "map") return "a map";
  if (node.type === "seq") return "a list";
  if (typeof node.value === "string") return "a string";
  return `${typeof node.value} ${String(node.value)}${kubectlReadingNote(node)}`;
}
function expectMap(file, node, field) {
  if (node.type !== "map") fail(file, node.line, `${field}: must be a map, not ${describe(node)}`);
  return node;
}
function expectSeq(file, node, field) {
  if (node.type !== "seq") fail(file, node.line, `${field}: must be a list, not ${describe(node)}`);
  return node;
}
function expectString(file, node, field) {
  if (node.type !== "scalar" || typeof node.value !== "string") {
    fail(file, node.line, `${field}: must be a string, not ${describe(node)}`);
  }
  return node.value;
}
function requiredMap(file, map2, key, field) {
  const node = child(map2, key);
  if (!node) fail(file, map2.entries.get(key)?.keyLine ?? map2.line, `${field}: required`);
  return expectMap(file, node, field);
}
function optionalSeq(file, map2, key, field) {
  const node = child(map2, key);
  return node ? expectSeq(file, node, field) : void 0;
}
function optionalString(file, map2, key, field) {
  const node = child(map2, key);
  return node ? expectString(file, node, field) : void 0;
}
function requiredString(file, map2, key, field) {
  const value = optionalString(file, map2, key, field);
  if (value === void 0 || value === "") {
    fail(file, map2.entries.get(key)?.keyLine ?? map2.line, `${field}: required`);
  }
  return value;
}
function stringAt(map2, key) {
  const value = map2.entries.get(key)?.value;
  return value?.type === "scalar" && typeof value.value === "string" ? value.value : "";
}
function lineOf(map2, key) {
  const entry = map2.entries.get(key);
  return entry ? entry.value.line : map2.line;
}

// src/config/read-config.ts
var TOP_KEYS = ["ignore", "templates", "minCount", "failOn", "clientIdle", "overrides", "environments"];
var IGNORE_KEYS = ["client", "server", "method", "path", "reason"];
var OVERRIDE_KEYS = ["client", "failOn"];
var FAIL_ON = ["missing", "stale", "any", "none"];
var HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];
var NAME_GLOB = /^[a-z0-9.*-]+$/;
async function loadDriftConfig(opts) {
  const guard = repositoryLinkGuard(opts.cwd);
  if (opts.file !== void 0) {
    const real = guard(path2.resolve(opts.cwd, opts.file), opts.file);
    return configFromDocuments(readYamlFile(real, opts.file), opts.file);
  }
  const found = opts.search === false ? void 0 : await findConfigFile(opts.cwd);
  if (found === void 0) return defaultDriftConfig();
  return configFromDocuments(readYamlFile(guard(found.absolute, found.shown), found.shown), found.shown);
}
async function findConfigFile(cwd) {
  const start = path2.resolve(cwd);
  const root = findRepositoryRoot(start);
  const folders = [start];
  if (root !== void 0) {
    for (let dir = start; dir !== root; dir = path2.dirname(dir)) folders.push(path2.dirname(dir));
  }
  for (const dir of folders) {
    const absolute = path2.join(dir, DEFAULT_CONFIG_FILE);
    if (await exists(absolute)) {
      const shown2 = path2.relative(cwd, absolute).split(path2.sep).join("/");
      return { absolute, shown: shown2 };
    }
  }
  return void 0;
}
async function exists(file) {
  try {
    await stat2(file);
    return true;
  } catch (err) {
    const code = err.code;
    if (code === "ENOENT" || code === "ENOTDIR") return false;
    throw err;
  }
}
function parseDriftConfig(text3, file) {
  return configFromDocuments(parseYamlDocuments(text3, file), file);
}
function configFromDocuments(documents, file) {
  const config = defaultDriftConfig();
  config.file = file;
  const [first, second] = documents;
  if (second) fail(file, second.line, "the config must be a single YAML document");
  if (!first?.root) return config;
  const top = expectMap(file, first.root, "config");
  rejectUnknownKeys(file, top, TOP_KEYS, "");
  for (const [key, entry] of top.entries) {
    const node = entry.value;
    if (node.type === "scalar" && node.value === null) continue;
    switch (key) {
      case "ignore":
        config.ignore = expectSeq(file, node, "ignore").items.map((item, i) => ignoreRule(file, item, i));
        break;
      case "templates":
        config.templates = booleanValue(file, node, "templates");
        break;
      case "minCount":
        config.minCount = positiveInteger(file, node, "minCount");
        break;
      case "failOn":
        config.failOn = oneOf(file, node, "failOn", FAIL_ON);
        break;
      case "clientIdle":
        config.clientIdle = oneOf(file, node, "clientIdle", ["warn", "fail"]);
        break;
      case "overrides":
        config.overrides = expectSeq(file, node, "overrides").items.map((item, i) => override(file, item, i));
        break;
      case "environments":
        config.environments = environments(file, node);
        break;
    }
  }
  return config;
}
function rejectUnknownKeys(file, map2, known, field) {
  for (const [key, entry] of map2.entries) {
    if (!known.includes(key)) {
      fail(file, entry.keyLine, `${field}unknown key "${key}" (known: ${known.join(", ")})`);
    }
  }
}
function booleanValue(file, node, field) {
  if (node.type !== "scalar" || typeof node.value !== "boolean")
    fail(file, node.line, `${field}: must be true or false`);
  return node.value;
}
function positiveInteger(file, node, field) {
  const value = node.type === "scalar" ? node.value : void 0;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    fail(file, node.line, `${field}: must be a whole number of 1 or more`);
  }
  return value;
}
function oneOf(file, node, field, allowed) {
  const value = expectString(file, node, field);
  if (!allowed.includes(value)) {
    fail(file, node.line, `${field}: must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value;
}
function workloadGlob(file, node, field) {
  const value = expectString(file, node, field);
  if (value === "*") return value;
  const parts = value.split("/");
  if (parts.length !== 2 || parts.some((part) => !NAME_GLOB.test(part))) {
    fail(file, node.line, `${field}: must be namespace/name (lower case, "*" globs allowed), got "${value}"`);
  }
  return value;
}
function methodGlob(file, node, field) {
  const value = expectString(file, node, field);
  if (!/^[A-Z*]+$/.test(value)) {
    fail(file, node.line, `${field}: must be an upper-case HTTP method or a "*" glob, got "${value}"`);
  }
  if (!value.includes("*") && !HTTP_METHODS.includes(value)) {
    fail(file, node.line, `${field}: unknown HTTP method "${value}" (${HTTP_METHODS.join(", ")})`);
  }
  return value;
}
function pathGlob(file, node, field) {
  const value = expectString(file, node, field);
  if (!value.startsWith("/") && !value.startsWith("*")) {
    fail(file, node.line, `${field}: must start with "/" or "*", got "${value}"`);
  }
  if (/[\s\u0000-\u001f\u007f]/.test(value))
    fail(file, node.line, `${field}: must not hold spaces or control characters`);
  if (value.includes("?") || value.includes("#")) {
    fail(file, node.line, `${field}: paths are matched without query or fragment; remove "?" / "#"`);
  }
  const problem = isPathTemplate(value) ? validatePathPattern(value) : null;
  if (problem !== null) fail(file, node.line, `${field}: ${problem}`);
  return value;
}
function ignoreRule(file, node, i) {
  const field = `ignore[${i}]`;
  const map2 = expectMap(file, node, field);
  rejectUnknownKeys(file, map2, IGNORE_KEYS, `${field}: `);
  const rule = { file, line: map2.line };
  const value = (key) => {
    const entry = map2.entries.get(key);
    return entry && !(entry.value.type === "scalar" && entry.value.value === null) ? entry.value : void 0;
  };
  const client = value("client");
  const server = value("server");
  const method = value("method");
  const pathNode = value("path");
  const reason = value("reason");
  if (client) rule.client = workloadGlob(file, client, `${field}.client`);
  if (server) rule.server = workloadGlob(file, server, `${field}.server`);
  if (method) rule.method = methodGlob(file, method, `${field}.method`);
  if (pathNode) rule.path = pathGlob(file, pathNode, `${field}.path`);
  if (reason) expectString(file, reason, `${field}.reason`);
  if (!client && !server && !method && !pathNode) {
    fail(file, map2.line, `${field}: name at least one of client, server, method, path (use "*" to mean any)`);
  }
  return rule;
}
function override(file, node, i) {
  const field = `overrides[${i}]`;
  const map2 = expectMap(file, node, field);
  rejectUnknownKeys(file, map2, OVERRIDE_KEYS, `${field}: `);
  const client = map2.entries.get("client")?.value;
  const failOn = map2.entries.get("failOn")?.value;
  if (!client) fail(file, map2.line, `${field}.client: required`);
  if (!failOn) fail(file, map2.line, `${field}.failOn: required`);
  return {
    client: workloadGlob(file, client, `${field}.client`),
    failOn: oneOf(file, failOn, `${field}.failOn`, FAIL_ON),
    file,
    line: map2.line
  };
}
function environments(file, node) {
  const map2 = expectMap(file, node, "environments");
  const out = {};
  for (const [namespace, entry] of map2.entries) {
    if (!isDnsLabel(namespace)) {
      fail(file, entry.keyLine, `environments: "${namespace}" is not a namespace name`);
    }
    const name = expectString(file, entry.value, `environments.${namespace}`);
    if (name === "") fail(file, entry.value.line, `environments.${namespace}: must not be empty`);
    out[namespace] = name;
  }
  return out;
}

// src/yaml/collect-files.ts
import { Buffer as Buffer3 } from "node:buffer";
import * as fsPromises from "node:fs/promises";
import { readdir, stat as stat3 } from "node:fs/promises";
import path3 from "node:path";
var GLOB_CHARS = /[*?[\]{}]/;
var MANIFEST_FILE = /\.(?:ya?ml|json)$/;
var OTHER_CASE = /\.(?:ya?ml|json)$/i;
async function collectYamlFiles(paths, cwd = process.cwd()) {
  if (paths.length === 0) throw new InputError("no files given");
  const found = /* @__PURE__ */ new Map();
  const lastNamedBy = /* @__PURE__ */ new Map();
  const guard = repositoryLinkGuard(cwd);
  for (const [index, given] of paths.entries()) {
    const matches = GLOB_CHARS.test(given) ? await expandGlob(given, cwd, guard) : await expandPath(given, cwd, guard);
    for (const absolute of matches) {
      const known = found.get(absolute);
      if (known === void 0)
        found.set(absolute, { absolute, file: displayName(absolute, cwd), given: [given] });
      else if (!known.given.includes(given)) known.given.push(given);
      lastNamedBy.set(absolute, index);
    }
  }
  return inApplyOrder([...found.values()], (file) => lastNamedBy.get(file.absolute));
}
function inApplyOrder(files, pathIndex) {
  const keyed = files.map((found) => ({
    found,
    index: pathIndex(found),
    key: Buffer3.from(found.file.replaceAll("/", "\0"))
  }));
  keyed.sort((a, b) => a.index - b.index || Buffer3.compare(a.key, b.key));
  return keyed.map(({ found }) => found);
}
async function expandPath(given, cwd, guard) {
  const absolute = path3.resolve(cwd, given);
  guard(absolute, given);
  let info;
  try {
    info = await stat3(absolute);
  } catch {
    throw new InputError(`${given}: no such file or directory`);
  }
  if (!info.isDirectory()) return [absolute];
  const { files, notRegular, otherCase } = await yamlFilesUnder(absolute, guard, cwd);
  if (files.length === 0) {
    const odd = notRegular.length > 0 ? ` (${notRegular[0]} is named like one but is not a regular file)` : otherCase.length > 0 ? ` (${otherCase[0]} is skipped, as kubectl apply -f skips it: extensions are matched in lower case only)` : "";
    throw new InputError(`${given}: no *.yaml, *.yml or *.json files in this directory${odd}`);
  }
  return files;
}
async function expandGlob(pattern, cwd, guard) {
  const glob2 = fsPromises.glob;
  if (glob2 === void 0) throw new InputError(`"${pattern}": glob patterns need Node.js 22 or newer`);
  const files = [];
  for await (const match of glob2(pattern, { cwd })) {
    const absolute = path3.resolve(cwd, match);
    guard(absolute, displayName(absolute, cwd));
    const info = await stat3(absolute);
    if (info.isDirectory())
      for (const found of (await yamlFilesUnder(absolute, guard, cwd)).files) files.push(found);
    else if (info.isFile()) files.push(absolute);
  }
  if (files.length === 0) throw new InputError(`no files match "${pattern}"`);
  return files;
}
async function yamlFilesUnder(dir, guard, cwd) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = [];
  const notRegular = [];
  const otherCase = [];
  for (const entry of entries) {
    if (!MANIFEST_FILE.test(entry.name)) {
      if (OTHER_CASE.test(entry.name) && !entry.isDirectory()) {
        otherCase.push(path3.relative(dir, path3.join(entry.parentPath, entry.name)).split(path3.sep).join("/"));
      }
      continue;
    }
    const absolute = path3.join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) guard(absolute, displayName(absolute, cwd));
    if (entry.isFile() || entry.isSymbolicLink() && (await stat3(absolute)).isFile()) files.push(absolute);
    else if (!entry.isDirectory()) notRegular.push(path3.relative(dir, absolute).split(path3.sep).join("/"));
  }
  return { files, notRegular, otherCase };
}

// src/declare/apply-order.ts
function applyInOrder(parsed) {
  const byName = /* @__PURE__ */ new Map();
  const byWorkload = /* @__PURE__ */ new Map();
  const warnings = [];
  for (const entry of parsed) {
    const { intents, file } = entry;
    const nameKey = `${intents.client.namespace}/${intents.name}`;
    const holder = byWorkload.get(workloadKey(entry));
    if (holder && holder.intents.name !== intents.name) rejectSecondForWorkload(entry, holder);
    const earlier = byName.get(nameKey);
    if (earlier) {
      warnings.push(
        `${file}:${intents.line}: ClientIntents ${intents.name} in namespace ${intents.client.namespace} replaces the one at ${earlier.file}:${earlier.intents.line} (same name: kubectl apply updates it), whose rules are not checked`
      );
      byName.delete(nameKey);
      byWorkload.delete(workloadKey(earlier));
    }
    byName.set(nameKey, entry);
    byWorkload.set(workloadKey(entry), entry);
  }
  return { applied: [...byName.values()], warnings };
}
function workloadKey({ intents: { client } }) {
  return `${client.namespace}/${client.name}/${client.kind ?? ""}`;
}
function rejectSecondForWorkload({ intents, file }, holder) {
  const { client } = intents;
  const kind = client.kind ? ` (${client.kind})` : "";
  fail(
    file,
    intents.line,
    `duplicate ClientIntents for workload ${client.name}${kind} in namespace ${client.namespace}; first at ${holder.file}:${holder.intents.line}`
  );
}

// src/yaml/kubectl-list.ts
function isKubectlList(node) {
  return node.entries.has("items");
}
function isListInList(item) {
  return item.type === "map" && item.entries.get("items")?.value.type === "seq";
}
function objectType(node, inherited) {
  const kind = stringAt(node, "kind");
  const apiVersion = stringAt(node, "apiVersion");
  if (inherited !== void 0 && kind === "" && apiVersion === "") return inherited;
  return {
    kind,
    apiVersion,
    kindLine: node.entries.get("kind")?.keyLine ?? node.line,
    apiVersionLine: node.entries.get("apiVersion")?.keyLine ?? node.line
  };
}
function itemType(list) {
  const own = objectType(list);
  return { ...own, kind: own.kind.endsWith("List") ? own.kind.slice(0, -"List".length) : own.kind };
}
function appliedObjects(root) {
  if (root?.type !== "map") return [];
  if (!isKubectlList(root)) return [{ node: root, type: objectType(root) }];
  const items = root.entries.get("items").value;
  if (items.type !== "seq") return [];
  const given = itemType(root);
  const out = [];
  for (const item of items.items) {
    if (item.type === "map" && !isListInList(item)) out.push({ node: item, type: objectType(item, given) });
  }
  return out;
}

// src/declare/intents-presence.ts
var KIND_NAME = /^[A-Za-z][A-Za-z0-9]{0,62}$/;
var SHOWN = 5;
function requireIntentsInEveryPath(files, withIntents) {
  const byPath = /* @__PURE__ */ new Map();
  for (const found of files) {
    for (const given of found.given) {
      const list = byPath.get(given);
      if (list === void 0) byPath.set(given, [found]);
      else list.push(found);
    }
  }
  for (const [given, found] of byPath) {
    if (found.some((f) => withIntents.has(f.file))) continue;
    const what = found.length === 1 && found[0].file === given ? "" : ` (${found.length} YAML file${found.length === 1 ? "" : "s"})`;
    throw new InputError(`no ClientIntents here${what}; found ${kindsFound(found)}`, { file: given });
  }
}
function kindsFound(files) {
  const counts = /* @__PURE__ */ new Map();
  let documents = 0;
  const visit3 = (node, top, inherited) => {
    if (top && node?.type === "seq") {
      for (const item of node.items) visit3(item, true);
      return;
    }
    if (node?.type !== "map") return;
    const items = node.entries.get("items")?.value;
    if (top && isKubectlList(node) && items?.type === "seq" && items.items.length > 0) {
      const given = itemType(node);
      for (const item of items.items) if (!isListInList(item)) visit3(item, false, given);
      return;
    }
    const type = objectType(node, inherited);
    const kind = node.entries.get("kind")?.value;
    if (type !== inherited && kind?.type === "scalar" && typeof kind.value !== "string") {
      const written = kind.written === void 0 ? String(kind.value) : JSON.stringify(kind.written.slice(0, 40));
      const what = kind.value === null ? "null" : typeof kind.value === "boolean" ? "a boolean" : "a number";
      const shown3 = `kind ${written} (${what} to kubectl, not a name)`;
      counts.set(shown3, (counts.get(shown3) ?? 0) + 1);
      return;
    }
    const name = type.kind === "" ? "(no kind)" : type.kind;
    const shown2 = KIND_NAME.test(name) || name === "(no kind)" ? name : JSON.stringify(name.slice(0, 40));
    counts.set(shown2, (counts.get(shown2) ?? 0) + 1);
  };
  for (const { absolute, file } of files) {
    for (const doc of readYamlFile(absolute, file)) {
      if (doc.root !== null) documents++;
      visit3(doc.root, true);
    }
  }
  if (documents === 0) return "no YAML documents";
  if (counts.size === 0) return "no Kubernetes objects";
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const listed = sorted.slice(0, SHOWN).map(([kind, n]) => n === 1 ? kind : `${kind} (${n})`);
  const more = sorted.length - SHOWN;
  return `${listed.join(", ")}${more > 0 ? `, and ${more} more kinds` : ""}`;
}

// src/declare/clientintents-crd-schemas.json
var clientintents_crd_schemas_default = {
  source: "clientintents.k8s.otterize.com, from fixtures/crds/clientintents.k8s.otterize.com.yaml (descriptions dropped)",
  versions: {
    v1alpha2: {
      properties: {
        apiVersion: {
          type: "string"
        },
        kind: {
          type: "string"
        },
        metadata: {
          type: "object"
        },
        spec: {
          properties: {
            calls: {
              items: {
                properties: {
                  databaseResources: {
                    items: {
                      properties: {
                        databaseName: {
                          type: "string"
                        },
                        operations: {
                          items: {
                            enum: ["ALL", "SELECT", "INSERT", "UPDATE", "DELETE"],
                            type: "string"
                          },
                          type: "array"
                        },
                        table: {
                          type: "string"
                        }
                      },
                      required: ["databaseName"],
                      type: "object"
                    },
                    type: "array"
                  },
                  name: {
                    type: "string"
                  },
                  resources: {
                    items: {
                      properties: {
                        methods: {
                          items: {
                            enum: ["GET", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT"],
                            type: "string"
                          },
                          type: "array"
                        },
                        path: {
                          type: "string"
                        }
                      },
                      required: ["methods", "path"],
                      type: "object"
                    },
                    type: "array"
                  },
                  topics: {
                    items: {
                      properties: {
                        name: {
                          type: "string"
                        },
                        operations: {
                          items: {
                            enum: [
                              "all",
                              "consume",
                              "produce",
                              "create",
                              "alter",
                              "delete",
                              "describe",
                              "ClusterAction",
                              "DescribeConfigs",
                              "AlterConfigs",
                              "IdempotentWrite"
                            ],
                            type: "string"
                          },
                          type: "array"
                        }
                      },
                      required: ["name", "operations"],
                      type: "object"
                    },
                    type: "array"
                  },
                  type: {
                    enum: ["http", "kafka", "database"],
                    type: "string"
                  }
                },
                required: ["name"],
                type: "object"
              },
              type: "array"
            },
            service: {
              properties: {
                name: {
                  type: "string"
                }
              },
              required: ["name"],
              type: "object"
            }
          },
          required: ["calls", "service"],
          type: "object"
        },
        status: {
          properties: {
            upToDate: {
              type: "boolean"
            }
          },
          type: "object"
        }
      },
      type: "object"
    },
    v1alpha3: {
      properties: {
        apiVersion: {
          type: "string"
        },
        kind: {
          type: "string"
        },
        metadata: {
          type: "object"
        },
        spec: {
          properties: {
            calls: {
              items: {
                properties: {
                  HTTPResources: {
                    items: {
                      properties: {
                        methods: {
                          items: {
                            enum: ["GET", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT"],
                            type: "string"
                          },
                          type: "array"
                        },
                        path: {
                          type: "string"
                        }
                      },
                      required: ["methods", "path"],
                      type: "object"
                    },
                    type: "array"
                  },
                  awsActions: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  },
                  azureKeyVaultPolicy: {
                    properties: {
                      certificatePermissions: {
                        items: {
                          enum: [
                            "all",
                            "backup",
                            "create",
                            "delete",
                            "deleteissuers",
                            "get",
                            "getissuers",
                            "import",
                            "list",
                            "listissuers",
                            "managecontacts",
                            "manageissuers",
                            "purge",
                            "recover",
                            "restore",
                            "setissuers",
                            "update"
                          ],
                          type: "string"
                        },
                        type: "array"
                      },
                      keyPermissions: {
                        items: {
                          enum: [
                            "all",
                            "backup",
                            "create",
                            "decrypt",
                            "delete",
                            "encrypt",
                            "get",
                            "getrotationpolicy",
                            "import",
                            "list",
                            "purge",
                            "recover",
                            "release",
                            "restore",
                            "rotate",
                            "setrotationpolicy",
                            "sign",
                            "unwrapkey",
                            "update",
                            "verify",
                            "wrapkey"
                          ],
                          type: "string"
                        },
                        type: "array"
                      },
                      secretPermissions: {
                        items: {
                          enum: [
                            "all",
                            "backup",
                            "delete",
                            "get",
                            "list",
                            "purge",
                            "recover",
                            "restore",
                            "set"
                          ],
                          type: "string"
                        },
                        type: "array"
                      },
                      storagePermissions: {
                        items: {
                          enum: [
                            "all",
                            "backup",
                            "delete",
                            "deletesas",
                            "get",
                            "getsas",
                            "list",
                            "listsas",
                            "purge",
                            "recover",
                            "regeneratekey",
                            "restore",
                            "set",
                            "setsas",
                            "update"
                          ],
                          type: "string"
                        },
                        type: "array"
                      }
                    },
                    type: "object"
                  },
                  azureRoles: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  },
                  databaseResources: {
                    items: {
                      properties: {
                        databaseName: {
                          type: "string"
                        },
                        operations: {
                          items: {
                            enum: ["ALL", "SELECT", "INSERT", "UPDATE", "DELETE"],
                            type: "string"
                          },
                          type: "array"
                        },
                        table: {
                          type: "string"
                        }
                      },
                      required: ["databaseName"],
                      type: "object"
                    },
                    type: "array"
                  },
                  gcpPermissions: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  },
                  internet: {
                    properties: {
                      domains: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      ips: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      ports: {
                        items: {
                          type: "integer"
                        },
                        type: "array"
                      }
                    },
                    type: "object"
                  },
                  kafkaTopics: {
                    items: {
                      properties: {
                        name: {
                          type: "string"
                        },
                        operations: {
                          items: {
                            enum: [
                              "all",
                              "consume",
                              "produce",
                              "create",
                              "alter",
                              "delete",
                              "describe",
                              "ClusterAction",
                              "DescribeConfigs",
                              "AlterConfigs",
                              "IdempotentWrite"
                            ],
                            type: "string"
                          },
                          type: "array"
                        }
                      },
                      required: ["name", "operations"],
                      type: "object"
                    },
                    type: "array"
                  },
                  kind: {
                    type: "string"
                  },
                  name: {
                    type: "string"
                  },
                  type: {
                    enum: ["http", "kafka", "database", "aws", "gcp", "azure", "internet"],
                    type: "string"
                  }
                },
                type: "object"
              },
              type: "array"
            },
            service: {
              properties: {
                kind: {
                  type: "string"
                },
                name: {
                  type: "string"
                }
              },
              required: ["name"],
              type: "object"
            }
          },
          required: ["calls", "service"],
          type: "object"
        },
        status: {
          properties: {
            observedGeneration: {
              format: "int64",
              type: "integer"
            },
            resolvedIPs: {
              items: {
                properties: {
                  dns: {
                    type: "string"
                  },
                  ips: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  }
                },
                type: "object"
              },
              type: "array"
            },
            upToDate: {
              type: "boolean"
            }
          },
          type: "object"
        }
      },
      type: "object"
    },
    v1beta1: {
      properties: {
        apiVersion: {
          type: "string"
        },
        kind: {
          type: "string"
        },
        metadata: {
          type: "object"
        },
        spec: {
          properties: {
            calls: {
              items: {
                properties: {
                  HTTPResources: {
                    items: {
                      properties: {
                        methods: {
                          items: {
                            enum: ["GET", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT"],
                            type: "string"
                          },
                          type: "array"
                        },
                        path: {
                          type: "string"
                        }
                      },
                      required: ["methods", "path"],
                      type: "object"
                    },
                    type: "array"
                  },
                  awsActions: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  },
                  azureActions: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  },
                  azureDataActions: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  },
                  azureKeyVaultPolicy: {
                    properties: {
                      certificatePermissions: {
                        items: {
                          enum: [
                            "all",
                            "backup",
                            "create",
                            "delete",
                            "deleteissuers",
                            "get",
                            "getissuers",
                            "import",
                            "list",
                            "listissuers",
                            "managecontacts",
                            "manageissuers",
                            "purge",
                            "recover",
                            "restore",
                            "setissuers",
                            "update"
                          ],
                          type: "string"
                        },
                        type: "array"
                      },
                      keyPermissions: {
                        items: {
                          enum: [
                            "all",
                            "backup",
                            "create",
                            "decrypt",
                            "delete",
                            "encrypt",
                            "get",
                            "getrotationpolicy",
                            "import",
                            "list",
                            "purge",
                            "recover",
                            "release",
                            "restore",
                            "rotate",
                            "setrotationpolicy",
                            "sign",
                            "unwrapkey",
                            "update",
                            "verify",
                            "wrapkey"
                          ],
                          type: "string"
                        },
                        type: "array"
                      },
                      secretPermissions: {
                        items: {
                          enum: [
                            "all",
                            "backup",
                            "delete",
                            "get",
                            "list",
                            "purge",
                            "recover",
                            "restore",
                            "set"
                          ],
                          type: "string"
                        },
                        type: "array"
                      },
                      storagePermissions: {
                        items: {
                          enum: [
                            "all",
                            "backup",
                            "delete",
                            "deletesas",
                            "get",
                            "getsas",
                            "list",
                            "listsas",
                            "purge",
                            "recover",
                            "regeneratekey",
                            "restore",
                            "set",
                            "setsas",
                            "update"
                          ],
                          type: "string"
                        },
                        type: "array"
                      }
                    },
                    type: "object"
                  },
                  azureRoles: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  },
                  databaseResources: {
                    items: {
                      properties: {
                        databaseName: {
                          type: "string"
                        },
                        operations: {
                          items: {
                            enum: ["ALL", "SELECT", "INSERT", "UPDATE", "DELETE"],
                            type: "string"
                          },
                          type: "array"
                        },
                        table: {
                          type: "string"
                        }
                      },
                      required: ["databaseName"],
                      type: "object"
                    },
                    type: "array"
                  },
                  gcpPermissions: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  },
                  internet: {
                    properties: {
                      domains: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      ips: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      ports: {
                        items: {
                          type: "integer"
                        },
                        type: "array"
                      }
                    },
                    type: "object"
                  },
                  kafkaTopics: {
                    items: {
                      properties: {
                        name: {
                          type: "string"
                        },
                        operations: {
                          items: {
                            enum: [
                              "all",
                              "consume",
                              "produce",
                              "create",
                              "alter",
                              "delete",
                              "describe",
                              "ClusterAction",
                              "DescribeConfigs",
                              "AlterConfigs",
                              "IdempotentWrite"
                            ],
                            type: "string"
                          },
                          type: "array"
                        }
                      },
                      required: ["name", "operations"],
                      type: "object"
                    },
                    type: "array"
                  },
                  kind: {
                    type: "string"
                  },
                  name: {
                    type: "string"
                  },
                  type: {
                    enum: ["http", "kafka", "database", "aws", "gcp", "azure", "internet"],
                    type: "string"
                  }
                },
                type: "object"
              },
              type: "array"
            },
            service: {
              properties: {
                kind: {
                  type: "string"
                },
                name: {
                  type: "string"
                }
              },
              required: ["name"],
              type: "object"
            }
          },
          required: ["calls", "service"],
          type: "object"
        },
        status: {
          properties: {
            observedGeneration: {
              format: "int64",
              type: "integer"
            },
            resolvedIPs: {
              items: {
                properties: {
                  dns: {
                    type: "string"
                  },
                  ips: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  }
                },
                type: "object"
              },
              type: "array"
            },
            upToDate: {
              type: "boolean"
            }
          },
          type: "object"
        }
      },
      type: "object"
    },
    v2alpha1: {
      properties: {
        apiVersion: {
          type: "string"
        },
        kind: {
          type: "string"
        },
        metadata: {
          type: "object"
        },
        spec: {
          properties: {
            targets: {
              items: {
                properties: {
                  aws: {
                    properties: {
                      actions: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      arn: {
                        type: "string"
                      }
                    },
                    type: "object"
                  },
                  azure: {
                    properties: {
                      actions: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      dataActions: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      keyVaultPolicy: {
                        properties: {
                          certificatePermissions: {
                            items: {
                              enum: [
                                "all",
                                "backup",
                                "create",
                                "delete",
                                "deleteissuers",
                                "get",
                                "getissuers",
                                "import",
                                "list",
                                "listissuers",
                                "managecontacts",
                                "manageissuers",
                                "purge",
                                "recover",
                                "restore",
                                "setissuers",
                                "update"
                              ],
                              type: "string"
                            },
                            type: "array"
                          },
                          keyPermissions: {
                            items: {
                              enum: [
                                "all",
                                "backup",
                                "create",
                                "decrypt",
                                "delete",
                                "encrypt",
                                "get",
                                "getrotationpolicy",
                                "import",
                                "list",
                                "purge",
                                "recover",
                                "release",
                                "restore",
                                "rotate",
                                "setrotationpolicy",
                                "sign",
                                "unwrapkey",
                                "update",
                                "verify",
                                "wrapkey"
                              ],
                              type: "string"
                            },
                            type: "array"
                          },
                          secretPermissions: {
                            items: {
                              enum: [
                                "all",
                                "backup",
                                "delete",
                                "get",
                                "list",
                                "purge",
                                "recover",
                                "restore",
                                "set"
                              ],
                              type: "string"
                            },
                            type: "array"
                          },
                          storagePermissions: {
                            items: {
                              enum: [
                                "all",
                                "backup",
                                "delete",
                                "deletesas",
                                "get",
                                "getsas",
                                "list",
                                "listsas",
                                "purge",
                                "recover",
                                "regeneratekey",
                                "restore",
                                "set",
                                "setsas",
                                "update"
                              ],
                              type: "string"
                            },
                            type: "array"
                          }
                        },
                        type: "object"
                      },
                      roles: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      scope: {
                        type: "string"
                      }
                    },
                    type: "object"
                  },
                  gcp: {
                    properties: {
                      permissions: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      resource: {
                        type: "string"
                      }
                    },
                    type: "object"
                  },
                  internet: {
                    properties: {
                      domains: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      ips: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      ports: {
                        items: {
                          type: "integer"
                        },
                        type: "array"
                      }
                    },
                    type: "object"
                  },
                  kafka: {
                    properties: {
                      name: {
                        type: "string"
                      },
                      topics: {
                        items: {
                          properties: {
                            name: {
                              type: "string"
                            },
                            operations: {
                              items: {
                                enum: [
                                  "all",
                                  "consume",
                                  "produce",
                                  "create",
                                  "alter",
                                  "delete",
                                  "describe",
                                  "ClusterAction",
                                  "DescribeConfigs",
                                  "AlterConfigs",
                                  "IdempotentWrite"
                                ],
                                type: "string"
                              },
                              type: "array"
                            }
                          },
                          required: ["name", "operations"],
                          type: "object"
                        },
                        type: "array"
                      }
                    },
                    required: ["name"],
                    type: "object"
                  },
                  kubernetes: {
                    properties: {
                      http: {
                        items: {
                          properties: {
                            methods: {
                              items: {
                                enum: [
                                  "GET",
                                  "POST",
                                  "PUT",
                                  "DELETE",
                                  "OPTIONS",
                                  "TRACE",
                                  "PATCH",
                                  "CONNECT"
                                ],
                                type: "string"
                              },
                              type: "array"
                            },
                            path: {
                              type: "string"
                            }
                          },
                          required: ["methods", "path"],
                          type: "object"
                        },
                        type: "array"
                      },
                      kind: {
                        type: "string"
                      },
                      name: {
                        type: "string"
                      }
                    },
                    required: ["name"],
                    type: "object"
                  },
                  service: {
                    properties: {
                      http: {
                        items: {
                          properties: {
                            methods: {
                              items: {
                                enum: [
                                  "GET",
                                  "POST",
                                  "PUT",
                                  "DELETE",
                                  "OPTIONS",
                                  "TRACE",
                                  "PATCH",
                                  "CONNECT"
                                ],
                                type: "string"
                              },
                              type: "array"
                            },
                            path: {
                              type: "string"
                            }
                          },
                          required: ["methods", "path"],
                          type: "object"
                        },
                        type: "array"
                      },
                      name: {
                        type: "string"
                      }
                    },
                    required: ["name"],
                    type: "object"
                  },
                  sql: {
                    properties: {
                      name: {
                        type: "string"
                      },
                      privileges: {
                        items: {
                          properties: {
                            databaseName: {
                              type: "string"
                            },
                            operations: {
                              items: {
                                enum: ["ALL", "SELECT", "INSERT", "UPDATE", "DELETE"],
                                type: "string"
                              },
                              type: "array"
                            },
                            table: {
                              type: "string"
                            }
                          },
                          required: ["databaseName"],
                          type: "object"
                        },
                        type: "array"
                      }
                    },
                    required: ["name"],
                    type: "object"
                  }
                },
                type: "object"
              },
              type: "array"
            },
            workload: {
              properties: {
                kind: {
                  type: "string"
                },
                name: {
                  type: "string"
                }
              },
              required: ["name"],
              type: "object"
            }
          },
          required: ["targets", "workload"],
          type: "object"
        },
        status: {
          properties: {
            observedGeneration: {
              format: "int64",
              type: "integer"
            },
            resolvedIPs: {
              items: {
                properties: {
                  dns: {
                    type: "string"
                  },
                  ips: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  }
                },
                type: "object"
              },
              type: "array"
            },
            upToDate: {
              type: "boolean"
            }
          },
          type: "object"
        }
      },
      type: "object"
    },
    v2beta1: {
      properties: {
        apiVersion: {
          type: "string"
        },
        kind: {
          type: "string"
        },
        metadata: {
          type: "object"
        },
        spec: {
          properties: {
            targets: {
              items: {
                properties: {
                  aws: {
                    properties: {
                      actions: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      arn: {
                        type: "string"
                      }
                    },
                    type: "object"
                  },
                  azure: {
                    properties: {
                      actions: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      dataActions: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      keyVaultPolicy: {
                        properties: {
                          certificatePermissions: {
                            items: {
                              enum: [
                                "all",
                                "backup",
                                "create",
                                "delete",
                                "deleteissuers",
                                "get",
                                "getissuers",
                                "import",
                                "list",
                                "listissuers",
                                "managecontacts",
                                "manageissuers",
                                "purge",
                                "recover",
                                "restore",
                                "setissuers",
                                "update"
                              ],
                              type: "string"
                            },
                            type: "array"
                          },
                          keyPermissions: {
                            items: {
                              enum: [
                                "all",
                                "backup",
                                "create",
                                "decrypt",
                                "delete",
                                "encrypt",
                                "get",
                                "getrotationpolicy",
                                "import",
                                "list",
                                "purge",
                                "recover",
                                "release",
                                "restore",
                                "rotate",
                                "setrotationpolicy",
                                "sign",
                                "unwrapkey",
                                "update",
                                "verify",
                                "wrapkey"
                              ],
                              type: "string"
                            },
                            type: "array"
                          },
                          secretPermissions: {
                            items: {
                              enum: [
                                "all",
                                "backup",
                                "delete",
                                "get",
                                "list",
                                "purge",
                                "recover",
                                "restore",
                                "set"
                              ],
                              type: "string"
                            },
                            type: "array"
                          },
                          storagePermissions: {
                            items: {
                              enum: [
                                "all",
                                "backup",
                                "delete",
                                "deletesas",
                                "get",
                                "getsas",
                                "list",
                                "listsas",
                                "purge",
                                "recover",
                                "regeneratekey",
                                "restore",
                                "set",
                                "setsas",
                                "update"
                              ],
                              type: "string"
                            },
                            type: "array"
                          }
                        },
                        type: "object"
                      },
                      roles: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      scope: {
                        type: "string"
                      }
                    },
                    type: "object"
                  },
                  gcp: {
                    properties: {
                      permissions: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      resource: {
                        type: "string"
                      }
                    },
                    type: "object"
                  },
                  internet: {
                    properties: {
                      domains: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      ips: {
                        items: {
                          type: "string"
                        },
                        type: "array"
                      },
                      ports: {
                        items: {
                          type: "integer"
                        },
                        type: "array"
                      }
                    },
                    type: "object"
                  },
                  kafka: {
                    properties: {
                      name: {
                        type: "string"
                      },
                      topics: {
                        items: {
                          properties: {
                            name: {
                              type: "string"
                            },
                            operations: {
                              items: {
                                enum: [
                                  "all",
                                  "consume",
                                  "produce",
                                  "create",
                                  "alter",
                                  "delete",
                                  "describe",
                                  "ClusterAction",
                                  "DescribeConfigs",
                                  "AlterConfigs",
                                  "IdempotentWrite"
                                ],
                                type: "string"
                              },
                              type: "array"
                            }
                          },
                          required: ["name", "operations"],
                          type: "object"
                        },
                        type: "array"
                      }
                    },
                    required: ["name"],
                    type: "object"
                  },
                  kubernetes: {
                    properties: {
                      http: {
                        items: {
                          properties: {
                            methods: {
                              items: {
                                enum: [
                                  "GET",
                                  "POST",
                                  "PUT",
                                  "DELETE",
                                  "OPTIONS",
                                  "TRACE",
                                  "PATCH",
                                  "CONNECT"
                                ],
                                type: "string"
                              },
                              type: "array"
                            },
                            path: {
                              type: "string"
                            }
                          },
                          required: ["methods", "path"],
                          type: "object"
                        },
                        type: "array"
                      },
                      kind: {
                        type: "string"
                      },
                      name: {
                        type: "string"
                      }
                    },
                    required: ["name"],
                    type: "object"
                  },
                  service: {
                    properties: {
                      http: {
                        items: {
                          properties: {
                            methods: {
                              items: {
                                enum: [
                                  "GET",
                                  "POST",
                                  "PUT",
                                  "DELETE",
                                  "OPTIONS",
                                  "TRACE",
                                  "PATCH",
                                  "CONNECT"
                                ],
                                type: "string"
                              },
                              type: "array"
                            },
                            path: {
                              type: "string"
                            }
                          },
                          required: ["methods", "path"],
                          type: "object"
                        },
                        type: "array"
                      },
                      name: {
                        type: "string"
                      }
                    },
                    required: ["name"],
                    type: "object"
                  },
                  sql: {
                    properties: {
                      name: {
                        type: "string"
                      },
                      privileges: {
                        items: {
                          properties: {
                            databaseName: {
                              type: "string"
                            },
                            operations: {
                              items: {
                                enum: ["ALL", "SELECT", "INSERT", "UPDATE", "DELETE"],
                                type: "string"
                              },
                              type: "array"
                            },
                            table: {
                              type: "string"
                            }
                          },
                          required: ["databaseName"],
                          type: "object"
                        },
                        type: "array"
                      }
                    },
                    required: ["name"],
                    type: "object"
                  }
                },
                type: "object"
              },
              type: "array"
            },
            workload: {
              properties: {
                kind: {
                  type: "string"
                },
                name: {
                  type: "string"
                }
              },
              required: ["name"],
              type: "object"
            }
          },
          required: ["targets", "workload"],
          type: "object"
        },
        status: {
          properties: {
            observedGeneration: {
              format: "int64",
              type: "integer"
            },
            resolvedIPs: {
              items: {
                properties: {
                  dns: {
                    type: "string"
                  },
                  ips: {
                    items: {
                      type: "string"
                    },
                    type: "array"
                  }
                },
                type: "object"
              },
              type: "array"
            },
            upToDate: {
              type: "boolean"
            }
          },
          type: "object"
        }
      },
      type: "object"
    }
  }
};

// src/declare/crd-schema-check.ts
var SCHEMAS = clientintents_crd_schemas_default.versions;
function checked(schema5) {
  const out = { known: [], required: schema5.required ?? [] };
  if (schema5.type !== void 0) out.type = schema5.type;
  if (schema5.properties) {
    out.known = Object.keys(schema5.properties);
    out.properties = new Map(Object.entries(schema5.properties).map(([k, v]) => [k, checked(v)]));
  }
  if (schema5.items) out.items = checked(schema5.items);
  if (schema5.enum) out.enum = schema5.enum;
  return out;
}
var CHECKED = /* @__PURE__ */ new Map();
function checkedSchema(version) {
  let schema5 = CHECKED.get(version);
  if (schema5 === void 0 && Object.hasOwn(SCHEMAS, version)) {
    schema5 = checked(SCHEMAS[version]);
    CHECKED.set(version, schema5);
  }
  return schema5;
}
function checkAgainstCrd(file, root, version, scope) {
  const schema5 = checkedSchema(version);
  if (!schema5) return;
  new SchemaWalk(file, version, scope === "fields").map(root, schema5);
}
var SchemaWalk = class {
  file;
  version;
  fieldsOnly;
  at = [];
  constructor(file, version, fieldsOnly) {
    this.file = file;
    this.version = version;
    this.fieldsOnly = fieldsOnly;
  }
  /** The field being checked, as errors name it; `key`, when given, one level further down. */
  field(key) {
    let out = "";
    for (const part of key === void 0 ? this.at : [...this.at, key]) {
      out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
    }
    return out;
  }
  node(node, schema5) {
    switch (schema5.type) {
      case "object":
        if (node.type !== "map") {
          this.wrongType(node, "a map");
          return;
        }
        this.map(node, schema5);
        return;
      case "array":
        if (node.type !== "seq") {
          this.wrongType(node, "a list");
          return;
        }
        if (schema5.items) {
          const items = node.items;
          for (let i = 0; i < items.length; i++) {
            this.at.push(i);
            this.node(items[i], schema5.items);
            this.at.pop();
          }
        }
        return;
      case void 0:
        return;
      default:
        this.scalar(node, schema5);
    }
  }
  map(map2, schema5) {
    if (!schema5.properties) return;
    const properties = schema5.properties;
    for (const [key, entry] of map2.entries) {
      if (isNull(entry.value)) continue;
      const inner = properties.get(key);
      if (!inner) this.unknownField(entry, key, schema5.known);
      this.at.push(key);
      this.node(entry.value, inner);
      this.at.pop();
    }
    if (this.fieldsOnly) return;
    for (const key of schema5.required) {
      const entry = map2.entries.get(key);
      if (!entry || isNull(entry.value))
        fail(this.file, entry?.keyLine ?? map2.line, `${this.field(key)}: required`);
    }
  }
  scalar(node, schema5) {
    if (this.fieldsOnly) return;
    const value = node.type === "scalar" ? node.value : void 0;
    const ok = schema5.type === "string" ? typeof value === "string" : schema5.type === "boolean" ? typeof value === "boolean" : schema5.type === "integer" ? typeof value === "bigint" || Number.isInteger(value) : typeof value === "number";
    if (!ok) {
      this.wrongType(node, schema5.type === "integer" ? "an integer" : `a ${schema5.type}`);
      return;
    }
    if (schema5.enum && !schema5.enum.includes(value)) {
      const allowed = schema5.enum.map(String).join(", ");
      fail(
        this.file,
        node.line,
        `${this.field()}: unsupported value ${JSON.stringify(value)} (allowed: ${allowed})`
      );
    }
  }
  /** A mismatch is left to the later, full pass when only fields are looked for. */
  wrongType(node, expected) {
    if (this.fieldsOnly) return;
    fail(this.file, node.line, `${this.field()}: must be ${expected}, not ${describe2(node)}`);
  }
  unknownField(entry, key, known) {
    fail(
      this.file,
      entry.keyLine,
      `${this.field(key)}: unknown field (the ClientIntents ${this.version} schema has ${known.join(", ")} here)`
    );
  }
};
function isNull(node) {
  return node.type === "scalar" && node.value === null;
}
function describe2(node) {
  if (node.type === "map") return "a map";
  if (node.type === "seq") return "a list";
  if (node.value === null) return "null";
  if (typeof node.value === "string") return `the string ${JSON.stringify(node.value)}`;
  return `${String(node.value)}${kubectlReadingNote(node)}`;
}

// src/declare/intents-documents.ts
function documentObjects(doc) {
  if (doc.root === null) return [];
  return doc.root.type === "seq" ? doc.root.items : [doc.root];
}

// src/declare/intents-near-miss.ts
var KIND = "ClientIntents";
var GROUP = "k8s.otterize.com";
function rejectNearMissIntents(document, file, type) {
  const { kind, apiVersion } = type;
  if (kind === "") return;
  if (kind !== KIND && kind.toLowerCase().replace(/s$/, "") === "clientintent") {
    const why = [
      .../^ClientIntents?$/.test(kind) ? [] : ["kinds are case-sensitive"],
      .../s$/i.test(kind) ? [] : ["the kind is plural"]
    ].join("; ");
    fail(file, type.kindLine, `kind: ${JSON.stringify(kind)} is not ${KIND} (${why}); write kind: ${KIND}`);
  }
  if (kind !== KIND) return;
  if (apiVersion === "") {
    fail(file, document.line, `apiVersion: required for kind ${KIND} (${GROUP}/v2beta1, for instance)`);
  }
  const slash = apiVersion.indexOf("/");
  if (apiVersion === GROUP) {
    fail(
      file,
      type.apiVersionLine,
      `apiVersion: ${JSON.stringify(apiVersion)} is the API group without a version; write ${GROUP}/v2beta1, for instance`
    );
  }
  const group = slash === -1 ? "" : apiVersion.slice(0, slash);
  if (group !== GROUP) {
    const shown2 = group === "" ? "no API group" : `the API group ${JSON.stringify(group)}`;
    fail(
      file,
      type.apiVersionLine,
      `apiVersion: ${JSON.stringify(apiVersion)} puts ${KIND} in ${shown2}; Otterize's is ${GROUP} (${GROUP}/v2beta1, for instance)`
    );
  }
}

// src/declare/namespace-defaults.ts
function defaultNamespaceFor(explicit, namespaces) {
  if (explicit !== void 0 && explicit !== "") return explicit;
  return namespaces.length === 1 ? namespaces[0] : void 0;
}
function missingNamespaceMessage() {
  return "metadata.namespace: not set, and no default namespace was given: pass --default-namespace NS (action input default-namespace), or -n NS with a single namespace, as kubectl apply -n NS would";
}

// src/declare/object-meta.ts
var TOTAL_ANNOTATION_BYTES = 256 * 1024;
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})([.,]\d+)?(Z|[+-](\d{2}):(\d{2}))$/;
var OBJECT_META = {
  name: expectString,
  generateName: expectString,
  namespace: expectString,
  selfLink: expectString,
  uid: expectString,
  resourceVersion: expectString,
  generation: (file, node, field) => {
    if (integerOf(file, node, field) < 0)
      fail(file, node.line, `${field}: must be greater than or equal to 0`);
  },
  creationTimestamp: checkTime,
  deletionTimestamp: checkTime,
  deletionGracePeriodSeconds: integerOf,
  labels: (file, node, field) => {
    for (const [key, entry] of expectMap(file, node, field).entries) {
      const value = stringOrNull(file, entry.value, `${field}.${key}`);
      if (!isLabelKey(key))
        fail(file, entry.keyLine, `${field}: ${JSON.stringify(key)} is not a valid label key`);
      if (!isLabelValue(value)) {
        fail(file, entry.value.line, `${field}.${key}: ${JSON.stringify(value)} is not a valid label value`);
      }
    }
  },
  annotations: (file, node, field) => {
    let bytes = 0;
    for (const [key, entry] of expectMap(file, node, field).entries) {
      const value = stringOrNull(file, entry.value, `${field}.${key}`);
      if (!isLabelKey(key.toLowerCase())) {
        fail(file, entry.keyLine, `${field}: ${JSON.stringify(key)} is not a valid annotation key`);
      }
      bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
    }
    if (bytes > TOTAL_ANNOTATION_BYTES) {
      fail(
        file,
        node.line,
        `${field}: ${bytes} bytes, more than the API server's limit of ${TOTAL_ANNOTATION_BYTES}`
      );
    }
  },
  finalizers: (file, node, field) => {
    expectSeq(file, node, field).items.forEach((item, i) => {
      const name = stringOrNull(file, item, `${field}[${i}]`);
      if (!isLabelKey(name))
        fail(file, item.line, `${field}[${i}]: ${JSON.stringify(name)} is not a valid finalizer name`);
    });
  },
  ownerReferences: (file, node, field) => {
    let controllers = 0;
    expectSeq(file, node, field).items.forEach((item, i) => {
      if (isNull2(item)) return;
      const at = `${field}[${i}]`;
      const reference = expectMap(file, item, at);
      checkFields(file, reference, at, OWNER_REFERENCE);
      for (const key of ["apiVersion", "kind", "name", "uid"]) {
        const value = reference.entries.get(key)?.value;
        if (value === void 0 || isNull2(value) || value.type === "scalar" && value.value === "") {
          fail(file, value?.line ?? reference.line, `${at}.${key}: required`);
        }
      }
      const controller = reference.entries.get("controller")?.value;
      if (controller?.type === "scalar" && controller.value === true) controllers++;
    });
    if (controllers > 1) fail(file, node.line, `${field}: only one reference can have controller: true`);
  },
  managedFields: (file, node, field) => {
    expectSeq(file, node, field).items.forEach((item, i) => {
      if (!isNull2(item)) expectMap(file, item, `${field}[${i}]`);
    });
  }
};
var OWNER_REFERENCE = {
  apiVersion: expectString,
  kind: expectString,
  name: expectString,
  uid: expectString,
  controller: checkBoolean,
  blockOwnerDeletion: checkBoolean
};
function checkObjectMeta(file, metadata) {
  checkFields(file, metadata, "metadata", OBJECT_META);
  const text3 = (key) => stringAt(metadata, key);
  const name = text3("name");
  if (name !== "" && !isDnsSubdomain(name)) {
    fail(
      file,
      metadata.entries.get("name").value.line,
      `metadata.name: ${JSON.stringify(name)} is not a valid name (a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253); the API server refuses it`
    );
  }
  const prefix = text3("generateName");
  const masked = prefix.length > 1 && prefix.endsWith("-") ? `${prefix.slice(0, -2)}a` : prefix;
  if (prefix !== "" && !isDnsSubdomain(masked)) {
    fail(
      file,
      metadata.entries.get("generateName").value.line,
      `metadata.generateName: ${JSON.stringify(prefix)} is not a valid name prefix`
    );
  }
  const namespace = text3("namespace");
  if (namespace !== "" && !isDnsLabel(namespace)) {
    fail(
      file,
      metadata.entries.get("namespace").value.line,
      `metadata.namespace: ${JSON.stringify(namespace)} is not a valid namespace (a DNS-1123 label: lower-case letters, digits and '-', at most 63); the API server refuses it`
    );
  }
}
function checkFields(file, map2, field, known) {
  for (const [key, entry] of map2.entries) {
    const check2 = Object.hasOwn(known, key) ? known[key] : void 0;
    if (check2 === void 0) {
      fail(
        file,
        entry.keyLine,
        `${field}.${key}: unknown field (kubectl apply refuses it: strict field validation)`
      );
    }
    if (!isNull2(entry.value)) check2(file, entry.value, `${field}.${key}`);
  }
}
function isNull2(node) {
  return node.type === "scalar" && node.value === null;
}
function stringOrNull(file, node, field) {
  return isNull2(node) ? "" : expectString(file, node, field);
}
function integerOf(file, node, field) {
  const value = node.type === "scalar" ? node.value : void 0;
  if (typeof value === "bigint" && BigInt.asIntN(64, value) === value) return Number(value);
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    fail(file, node.line, `${field}: must be an integer (kubectl refuses the document)`);
  }
  return value;
}
function checkBoolean(file, node, field) {
  if (node.type !== "scalar" || typeof node.value !== "boolean") {
    fail(file, node.line, `${field}: must be true or false (kubectl refuses the document)`);
  }
}
function checkTime(file, node, field) {
  const text3 = expectString(file, node, field);
  if (!isGoRfc3339(text3)) {
    fail(
      file,
      node.line,
      `${field}: ${JSON.stringify(text3)} is not an RFC 3339 time (kubectl refuses the document)`
    );
  }
}
function isGoRfc3339(text3) {
  const m = RFC3339.exec(text3);
  return m !== null && inRange(m[2], 1, 12) && inRange(m[3], 1, daysIn(Number(m[1]), Number(m[2]))) && inRange(m[4], 0, 23) && inRange(m[5], 0, 59) && inRange(m[6], 0, 59) && (m[9] === void 0 || inRange(m[9], 0, 24) && inRange(m[10], 0, 60));
}
function inRange(digits, low, high) {
  const n = Number(digits);
  return n >= low && n <= high;
}
function daysIn(year, month) {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// src/model.ts
var INTENT_METHODS = [
  "GET",
  "POST",
  "PUT",
  "DELETE",
  "OPTIONS",
  "TRACE",
  "PATCH",
  "CONNECT"
];
var CHECKABLE_TARGETS = /* @__PURE__ */ new Set(["kubernetes", "service"]);

// src/declare/intent-rules.ts
function resolveTargetName(file, line, field, name, clientNamespace) {
  const parts = name.split(".");
  if (parts.length > 2) fail(file, line, `${field}: "${name}" has more than one dot (use name.namespace)`);
  const [server, namespace] = parts;
  if (server === "" || namespace === "")
    fail(file, line, `${field}: "${name}" is not name or name.namespace`);
  return { name: server, namespace: namespace ?? clientNamespace };
}
function checkKind(file, line, field, kind) {
  if (kind !== void 0 && !/^[A-Z]/.test(kind)) {
    fail(file, line, `${field}: "${kind}" must start with an upper-case letter`);
  }
}
function expandHttpRules(base, http, field) {
  const whole = () => ({ ...base, method: null, path: null, targetLine: base.line });
  if (!http || http.items.length === 0) return [whole()];
  const rules = [];
  const seen = /* @__PURE__ */ new Set();
  http.items.forEach((item, i) => {
    const ruleField = `${field}[${i}]`;
    const rule = expectMap(base.file, item, ruleField);
    const path9 = requiredString(base.file, rule, "path", `${ruleField}.path`);
    checkPathAccepted(base.file, lineOf(rule, "path"), `${ruleField}.path`, path9);
    for (const { method, line } of readMethods(base.file, rule, `${ruleField}.methods`)) {
      const key = `${method} ${path9}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rules.push(httpRule(base, method, path9, line));
    }
  });
  return rules;
}
function httpRule(base, method, path9, line) {
  return {
    client: base.client,
    server: base.server,
    targetType: base.targetType,
    file: base.file,
    line,
    method,
    path: path9,
    targetLine: base.line
  };
}
function checkPathAccepted(file, line, field, path9) {
  const refusal = pathRefusal(path9);
  if (refusal === null) return;
  const consequence = refusal.refusedBy === "istiod" ? "Istio's validation refuses the AuthorizationPolicy the intents-operator writes for this target, so none of the target's rules apply, nor do those of the ClientIntents' later targets" : "the sidecar's Envoy refuses the path template in the AuthorizationPolicy for this target, so the server keeps its old policies";
  const instead = acceptedPathFor(path9);
  const advice = instead === void 0 ? "{*} (one segment) and {**} (any rest, the last operator) must each be a whole segment" : `write ${JSON.stringify(instead)} instead ({*} is any one segment)`;
  fail(file, line, `${field}: ${JSON.stringify(path9)}: ${refusal.problem}; ${consequence}; ${advice}`);
}
function readMethods(file, rule, field) {
  const entry = rule.entries.get("methods");
  const node = entry?.value;
  if (!node || node.type === "scalar" && node.value === null)
    fail(file, entry?.keyLine ?? rule.line, `${field}: required`);
  if (node.type !== "seq") fail(file, node.line, `${field}: must be a list of methods`);
  if (node.items.length === 0) return [{ method: null, line: node.line }];
  return node.items.map((item, i) => {
    const method = expectString(file, item, `${field}[${i}]`);
    if (!INTENT_METHODS.includes(method)) {
      const upper = method.toUpperCase();
      const reason = INTENT_METHODS.includes(upper) ? `"${method}" must be upper case (${upper})` : `unsupported method "${method}" (allowed: ${INTENT_METHODS.join(", ")})`;
      fail(file, item.line, `${field}[${i}]: ${reason}`);
    }
    return { method, line: item.line };
  });
}

// src/declare/parse-v1.ts
var V1ALPHA2_TYPES = ["http", "kafka", "database"];
var V1_TYPES = [...V1ALPHA2_TYPES, "aws", "gcp", "azure", "internet"];
var NAMED_TYPES = /* @__PURE__ */ new Set(["http", "kafka", "database"]);
function parseV1Spec(file, spec, namespace, version) {
  const legacy = version === "v1alpha2";
  const service = requiredMap(file, spec, "service", "spec.service");
  const name = requiredString(file, service, "name", "spec.service.name");
  if (name.includes("."))
    fail(file, lineOf(service, "name"), `spec.service.name: "${name}" must not contain a dot`);
  const kind = legacy ? void 0 : optionalString(file, service, "kind", "spec.service.kind");
  checkKind(file, lineOf(service, "kind"), "spec.service.kind", kind);
  const client = kind ? { name, namespace, kind } : { name, namespace };
  const callsNode = child(spec, "calls");
  if (!callsNode) fail(file, spec.entries.get("calls")?.keyLine ?? spec.line, "spec.calls: required");
  const calls = expectSeq(file, callsNode, "spec.calls");
  const warnings = [];
  const rules = calls.items.flatMap(
    (item, i) => parseCall(file, item, `spec.calls[${i}]`, client, legacy, warnings)
  );
  return { client, rules, warnings, targetsLine: spec.entries.get("calls")?.keyLine ?? calls.line };
}
function parseCall(file, node, field, client, legacy, warnings) {
  const call = expectMap(file, node, field);
  const type = optionalString(file, call, "type", `${field}.type`);
  const types = legacy ? V1ALPHA2_TYPES : V1_TYPES;
  if (type !== void 0 && !types.includes(type)) {
    fail(
      file,
      lineOf(call, "type"),
      `${field}.type: unsupported type "${type}" (allowed: ${types.join(", ")})`
    );
  }
  const base = (server2, targetType) => ({
    client,
    server: server2,
    targetType,
    file,
    line: call.line
  });
  if (type !== void 0 && !NAMED_TYPES.has(type)) {
    const resource = optionalString(file, call, "name", `${field}.name`);
    return [
      {
        ...base({ name: resource || type, namespace: client.namespace }, type),
        method: null,
        path: null
      }
    ];
  }
  const rawName = requiredString(file, call, "name", `${field}.name`);
  const isSvc = rawName.startsWith("svc:");
  const nameLine = lineOf(call, "name");
  const server = resolveTargetName(
    file,
    nameLine,
    `${field}.name`,
    isSvc ? rawName.slice(4) : rawName,
    client.namespace
  );
  if (type === "kafka" || type === "database") {
    return [{ ...base(server, type), method: null, path: null }];
  }
  const kind = legacy ? void 0 : optionalString(file, call, "kind", `${field}.kind`);
  checkKind(file, lineOf(call, "kind"), `${field}.kind`, kind);
  const httpKey = legacy ? "resources" : "HTTPResources";
  const httpField = `${field}.${httpKey}`;
  let http = optionalSeq(file, call, httpKey, httpField);
  if (http && http.items.length > 0 && type !== "http") {
    warnings.push(
      `${file}:${http.line}: ${httpField} ignored without type: http (the target allows every path)`
    );
    http = void 0;
  }
  if (isSvc || kind === "Service") return expandHttpRules(base(server, "service"), http, httpField);
  return expandHttpRules(base(kind ? { ...server, kind } : server, "kubernetes"), http, httpField);
}

// src/declare/parse-v2.ts
var V2_TARGET_KEYS = [
  "kubernetes",
  "service",
  "kafka",
  "sql",
  "aws",
  "gcp",
  "azure",
  "internet"
];
function parseV2Spec(file, spec, namespace) {
  const workload = requiredMap(file, spec, "workload", "spec.workload");
  const name = requiredString(file, workload, "name", "spec.workload.name");
  if (name.includes("."))
    fail(file, lineOf(workload, "name"), `spec.workload.name: "${name}" must not contain a dot`);
  const kind = optionalString(file, workload, "kind", "spec.workload.kind");
  checkKind(file, lineOf(workload, "kind"), "spec.workload.kind", kind);
  const client = kind ? { name, namespace, kind } : { name, namespace };
  const targetsNode = child(spec, "targets");
  if (!targetsNode) fail(file, spec.entries.get("targets")?.keyLine ?? spec.line, "spec.targets: required");
  const targets = expectSeq(file, targetsNode, "spec.targets");
  const rules = targets.items.flatMap((item, i) => parseTarget(file, item, `spec.targets[${i}]`, client));
  return { client, rules, targetsLine: spec.entries.get("targets")?.keyLine ?? targets.line };
}
function parseTarget(file, node, field, client) {
  const target = expectMap(file, node, field);
  const keys = V2_TARGET_KEYS.filter((key) => target.entries.has(key));
  if (keys.length !== 1) {
    const found = keys.length === 0 ? `none (has ${[...target.entries.keys()].join(", ") || "no keys"})` : keys.join(", ");
    fail(file, target.line, `${field}: needs exactly one of ${V2_TARGET_KEYS.join(", ")}; found ${found}`);
  }
  const type = keys[0];
  const bodyField = `${field}.${type}`;
  const bodyNode = child(target, type);
  if (!bodyNode) fail(file, target.line, `${bodyField}: must be a map`);
  const body = expectMap(file, bodyNode, bodyField);
  const base = (server2, targetType) => ({
    client,
    server: server2,
    targetType,
    file,
    line: target.line
  });
  if (type === "kubernetes" || type === "service") {
    const rawName = requiredString(file, body, "name", `${bodyField}.name`);
    const server2 = resolveTargetName(
      file,
      lineOf(body, "name"),
      `${bodyField}.name`,
      rawName,
      client.namespace
    );
    const kind = type === "kubernetes" ? optionalString(file, body, "kind", `${bodyField}.kind`) : void 0;
    checkKind(file, lineOf(body, "kind"), `${bodyField}.kind`, kind);
    const http = optionalSeq(file, body, "http", `${bodyField}.http`);
    if (type === "service" || kind === "Service")
      return expandHttpRules(base(server2, "service"), http, `${bodyField}.http`);
    return expandHttpRules(
      base(kind ? { ...server2, kind } : server2, "kubernetes"),
      http,
      `${bodyField}.http`
    );
  }
  const server = nonHttpServer(file, type, body, bodyField, client.namespace);
  return [{ ...base(server, type), method: null, path: null }];
}
function nonHttpServer(file, type, body, field, namespace) {
  if (type === "kafka") {
    const raw = requiredString(file, body, "name", `${field}.name`);
    return resolveTargetName(file, lineOf(body, "name"), `${field}.name`, raw, namespace);
  }
  if (type === "sql") return { name: requiredString(file, body, "name", `${field}.name`), namespace };
  const listed = (key) => (optionalSeq(file, body, key, `${field}.${key}`)?.items ?? []).map(
    (item) => item.type === "scalar" ? String(item.value) : "?"
  );
  const names = {
    aws: [optionalString(file, body, "arn", `${field}.arn`) ?? ""],
    gcp: [optionalString(file, body, "resource", `${field}.resource`) ?? ""],
    azure: [optionalString(file, body, "scope", `${field}.scope`) ?? ""],
    internet: [...listed("domains"), ...listed("ips")]
  };
  const name = (names[type] ?? []).filter((n) => n !== "").join(", ");
  return { name: name || type, namespace };
}

// src/declare/otterize-identity.ts
import { createHash } from "node:crypto";
var SERVICE_LABEL = "intents.otterize.com/service";
var OWNER_KIND_LABEL = "intents.otterize.com/owner-kind";
var ISTIO_CLIENT_LABEL = "intents.otterize.com/istio-client-with-kind";
var LEGACY_KIND = "OttrLegacy";
function hasKind(kind) {
  return kind !== void 0 && kind !== "" && kind !== LEGACY_KIND;
}
function nameWithKind({ name, kind }) {
  const withKind2 = hasKind(kind) ? `${name}-${kind.toLowerCase()}` : name;
  return withKind2.replaceAll("_", ".");
}
function md5Prefix(text3) {
  return createHash("md5").update(text3).digest("hex").slice(0, 6);
}
function formattedIdentity({ name, namespace }) {
  return `${name.slice(0, 20)}-${namespace.slice(0, 20)}-${md5Prefix(`${name}-${namespace}`)}`;
}
function formattedIdentityWithKind(identity) {
  const { name, namespace, kind } = identity;
  if (!hasKind(kind)) return formattedIdentity(identity);
  const hash = md5Prefix(`${name}-${namespace}-${kind}`);
  return `${name.slice(0, 19)}-${namespace.slice(0, 19)}-${kind.slice(0, 5).toLowerCase()}-${hash}`;
}
function workloadSelector(server) {
  if (!hasKind(server.kind)) return { [SERVICE_LABEL]: formattedIdentity(server) };
  return { [OWNER_KIND_LABEL]: server.kind, [SERVICE_LABEL]: formattedIdentity(server) };
}
function targetIdentity(rule) {
  const { name, namespace, kind } = rule.server;
  if (rule.targetType === "service") return { name, namespace, kind: "Service" };
  return kind ? { name, namespace, kind } : { name, namespace };
}
function policyName(client, server) {
  return `authorization-policy-to-${nameWithKind(server)}-from-${nameWithKind(client)}.${client.namespace}`;
}

// src/declare/shared-policies.ts
function policyKey(rule) {
  const server = targetIdentity(rule);
  return `${server.namespace}/${policyName(rule.client, server)}`;
}
function refuseSharedPolicies(file, rules) {
  const firstTarget = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (const rule of rules) {
    if (rule.targetType !== "kubernetes" && rule.targetType !== "service" || seen.has(rule.server))
      continue;
    seen.add(rule.server);
    const key = policyKey(rule);
    const first = firstTarget.get(key);
    if (first === void 0) {
      firstTarget.set(key, rule);
      continue;
    }
    const firstLine = first.targetLine ?? first.line;
    fail(
      file,
      rule.targetLine ?? rule.line,
      `this target and the one at line ${firstLine} become the same AuthorizationPolicy (${key}): the intents-operator writes each target's rules over the other's, so only one target's rules are in force; merge their http rules into one target`
    );
  }
}

// src/declare/target-rules.ts
import { isIP } from "node:net";
import { domainToASCII } from "node:url";
var NOT_HTTP_TARGETS = ["kafka", "sql", "aws", "gcp", "azure", "internet"];
function checkTargetRules(file, spec, version) {
  if (version.startsWith("v2")) {
    const targets = child(spec, "targets");
    if (targets?.type !== "seq") return;
    targets.items.forEach((target, i) => {
      if (target.type !== "map") return;
      for (const type of NOT_HTTP_TARGETS) {
        const body = child(target, type);
        if (body?.type === "map") checkV2Target(file, type, body, `spec.targets[${i}].${type}`);
      }
    });
    return;
  }
  const calls = child(spec, "calls");
  if (calls?.type !== "seq") return;
  calls.items.forEach((call, i) => {
    if (call.type !== "map") return;
    const type = optionalString(file, call, "type", `spec.calls[${i}].type`);
    checkV1Call(file, call, `spec.calls[${i}]`, type, version === "v1alpha2");
  });
}
function checkV2Target(file, type, body, field) {
  const required = (key) => {
    if (!text(child(body, key))) fail(file, lineOf(body, key), `${field}.${key}: required`);
  };
  if (type === "aws") required("arn");
  if (type === "gcp") required("resource");
  if (type === "azure") checkAzure(file, body, field);
  if (type === "internet") checkInternet(file, body, field);
}
function checkAzure(file, body, field) {
  if (!text(child(body, "scope"))) fail(file, lineOf(body, "scope"), `${field}.scope: required`);
  const has = (key) => listLength(child(body, key)) > 0;
  if (!has("actions") && !has("dataActions") && !has("roles") && !child(body, "keyVaultPolicy")) {
    fail(file, body.line, `${field}: needs at least one of actions, dataActions, roles, keyVaultPolicy`);
  }
  if ((has("actions") || has("dataActions")) && has("roles")) {
    fail(file, lineOf(body, "roles"), `${field}.roles: must be empty when actions or dataActions are set`);
  }
}
function checkInternet(file, body, field) {
  const domains = strings(child(body, "domains"));
  const ips = strings(child(body, "ips"));
  if (domains.length === 0 && ips.length === 0) fail(file, body.line, `${field}: needs ips or domains`);
  domains.forEach(({ value, line }, i) => {
    if (!value.startsWith("*") && !isDnsName(value)) {
      fail(file, line, `${field}.domains[${i}]: ${JSON.stringify(value)} is not a valid DNS name`);
    }
  });
  ips.forEach(({ value, line }, i) => {
    if (!isIpOrCidr(value)) {
      fail(file, line, `${field}.ips[${i}]: ${JSON.stringify(value)} is not an IP address or CIDR`);
    }
  });
}
function isDnsName(value) {
  const ascii = value === "" ? "" : domainToASCII(value);
  if (ascii === "") return false;
  return ascii.replace(/\.$/, "").split(".").every((label) => isDnsLabel(label) && (label.slice(2, 4) !== "--" || label.startsWith("xn--")));
}
function isIpOrCidr(value) {
  const slash = value.indexOf("/");
  if (slash === -1) return isIP(value) !== 0;
  const address = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  const family = isIP(address);
  if (family === 0 || address.includes("%") || !/^(0|[1-9]\d{0,2})$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}
function text(node) {
  return node?.type === "scalar" && typeof node.value === "string" && node.value !== "" ? node.value : void 0;
}
function listLength(node) {
  return node?.type === "seq" ? node.items.length : 0;
}
function strings(node) {
  if (node?.type !== "seq") return [];
  return node.items.map((item) => ({
    value: item.type === "scalar" && item.value !== null ? String(item.value) : "",
    line: item.line
  }));
}
function checkV1Call(file, call, field, type, legacy) {
  const name = optionalString(file, call, "name", `${field}.name`);
  if (!legacy && !name && type !== "internet") fail(file, lineOf(call, "name"), `${field}.name: required`);
  if (name && name.split(".").length > 2)
    fail(file, lineOf(call, "name"), `${field}.name: "${name}" has more than one dot (use name.namespace)`);
  const topicsKey = legacy ? "topics" : "kafkaTopics";
  if (type === "http" && child(call, topicsKey))
    fail(file, lineOf(call, topicsKey), `${field}.${topicsKey}: not allowed on a call of type http`);
  if (!legacy && type === "internet") {
    const internet = child(call, "internet");
    if (!internet) fail(file, call.line, `${field}.internet: required for type internet`);
    checkInternet(file, expectMap(file, internet, `${field}.internet`), `${field}.internet`);
  }
}

// src/declare/parse-client-intents.ts
var INTENTS_GROUP = "k8s.otterize.com";
var INTENTS_VERSIONS = ["v1alpha2", "v1alpha3", "v1beta1", "v2alpha1", "v2beta1"];
function parseClientIntentsDocuments(documents, file, opts = {}, warn2 = () => {
}) {
  const found = [];
  let strays = [];
  const visit3 = (node, top, inherited) => {
    if (node === null || node.type === "scalar" && node.value === null) return;
    if (node.type !== "map") {
      strays.push(node);
      return;
    }
    const type = objectType(node, inherited);
    if (top && isKubectlList(node)) {
      visitItems(node, type);
      return;
    }
    rejectNearMissIntents(node, file, type);
    if (type.kind !== "ClientIntents" || !type.apiVersion.startsWith(`${INTENTS_GROUP}/`)) return;
    found.push(parseOne(node, file, type, opts));
  };
  const visitItems = (list, type) => {
    const items = list.entries.get("items");
    if (type.kind === "ClientIntents") {
      fail(
        file,
        items.keyLine,
        "items: kubectl reads an object with items as a list and applies its items, not the object, so this ClientIntents would never be applied; remove items"
      );
    }
    if (items.value.type !== "seq") {
      if (!(items.value.type === "scalar" && items.value.value === null))
        warn2(`${file}:${items.value.line}: a list's items must be a list (kubectl refuses it); skipped`);
      return;
    }
    const given = itemType(list);
    for (const item of items.value.items) {
      if (isListInList(item))
        warn2(`${file}:${item.line}: a list inside a list (kubectl refuses it); skipped`);
      else visit3(item, false, given);
    }
  };
  for (const doc of documents) {
    const before2 = found.length;
    for (const node of documentObjects(doc)) visit3(node, true);
    if (strays.length > 0) warn2(strayWarning(file, strays));
    strays = [];
    if (doc.root?.type === "seq" && found.length > before2) warn2(topLevelArrayWarning(file, doc.root.line));
  }
  return found;
}
function topLevelArrayWarning(file, line) {
  return `${file}:${line}: ClientIntents in a top-level array (as network-mapper export --format json writes them) are read, but kubectl apply refuses such a file: apply them as YAML, or as a stream of objects (jq -c '.[]')`;
}
function strayWarning(file, strays) {
  const first = strays[0];
  const what = first.type === "seq" ? "a list" : `a ${typeof first.value}`;
  const more = strays.length > 1 ? `, and ${strays.length - 1} more in this document` : "";
  return `${file}:${first.line}: ${what} where a Kubernetes object belongs (kubectl refuses it)${more}; skipped`;
}
function parseOne(root, file, type, opts) {
  const { apiVersion } = type;
  const version = apiVersion.slice(INTENTS_GROUP.length + 1);
  if (!INTENTS_VERSIONS.includes(version)) {
    fail(
      file,
      type.apiVersionLine,
      `apiVersion: unknown ClientIntents version "${apiVersion}" (known: ${INTENTS_VERSIONS.join(", ")})`
    );
  }
  const metadata = requiredMap(file, root, "metadata", "metadata");
  const name = requiredString(file, metadata, "name", "metadata.name");
  const namespace = optionalString(file, metadata, "namespace", "metadata.namespace") || opts.defaultNamespace;
  if (!namespace)
    fail(file, root.entries.get("metadata")?.keyLine ?? metadata.line, missingNamespaceMessage());
  checkObjectMeta(file, metadata);
  checkAgainstCrd(file, root, version, "fields");
  const spec = requiredMap(file, root, "spec", "spec");
  const parsed = version.startsWith("v2") ? { warnings: [], ...parseV2Spec(file, spec, namespace) } : parseV1Spec(file, spec, namespace, version);
  checkAgainstCrd(file, root, version, "all");
  checkTargetRules(file, spec, version);
  refuseSharedPolicies(file, parsed.rules);
  return {
    client: parsed.client,
    apiVersion,
    name,
    line: root.line,
    targetsLine: parsed.targetsLine,
    rules: parsed.rules,
    warnings: parsed.warnings ?? [],
    ...root.shared ? { shared: true } : {}
  };
}

// src/declare/load-intents.ts
async function loadIntents(paths, opts = {}) {
  const files = await collectYamlFiles(paths, opts.cwd ?? process.cwd());
  const namespace = opts.defaultNamespace;
  const fileWarnings = [];
  const parsed = parseIntentsFiles(files, namespace, (w) => fileWarnings.push(w));
  requireIntentsInEveryPath(files, new Set(parsed.map(({ file }) => file)));
  const { applied, warnings } = applyInOrder(parsed);
  return {
    rules: applied.flatMap(({ intents }) => intents.rules),
    documents: applied.map(({ intents, file }) => ({
      client: intents.client,
      apiVersion: intents.apiVersion,
      file,
      line: intents.line,
      targetsLine: intents.targetsLine,
      ...intents.shared ? { shared: true } : {}
    })),
    ...namespace === void 0 ? {} : { defaultNamespace: namespace },
    warnings: [...fileWarnings, ...applied.flatMap(({ intents }) => intents.warnings), ...warnings]
  };
}
function parseIntentsFiles(files, defaultNamespace, warn2) {
  const options2 = defaultNamespace === void 0 ? {} : { defaultNamespace };
  const parsed = [];
  for (const { absolute, file } of files) {
    for (const intents of parseClientIntentsDocuments(readYamlFile(absolute, file), file, options2, warn2))
      parsed.push({ intents, file });
  }
  return parsed;
}

// src/declare/workload-manifests.ts
var WORKLOAD_KINDS = [
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "Job",
  "CronJob",
  "ReplicaSet",
  "Pod"
];
async function readWorkloadManifests(paths, opts = {}) {
  const files = await collectYamlFiles(paths, opts.cwd ?? process.cwd());
  const workloads = [];
  const services = [];
  for (const { absolute, file } of files) {
    const documents = readYamlFile(absolute, file);
    for (const w of workloadsFromDocuments(documents, file, opts.defaultNamespace ?? "default"))
      workloads.push(w);
    for (const s of servicesFromDocuments(documents, opts.defaultNamespace ?? "default")) services.push(s);
  }
  return createWorkloadLookup(workloads, services);
}
function servicesFromDocuments(documents, defaultNamespace) {
  const found = [];
  const visit3 = (node, { kind, apiVersion }) => {
    if (kind !== "Service" || apiVersion !== "v1") return;
    const metadata = mapAt(node, ["metadata"]);
    const name = text2(metadata && child(metadata, "name"));
    if (!name) return;
    const namespace = text2(metadata && child(metadata, "namespace")) || defaultNamespace;
    found.push({ name, namespace, selector: stringMap(mapAt(node, ["spec", "selector"])) ?? null });
  };
  for (const doc of documents) for (const { node, type } of appliedObjects(doc.root)) visit3(node, type);
  return found;
}
function workloadsFromDocuments(documents, file, defaultNamespace) {
  const found = [];
  const visit3 = (node, { kind }) => {
    if (!WORKLOAD_KINDS.includes(kind)) return;
    const metadata = mapAt(node, ["metadata"]);
    const name = text2(metadata && child(metadata, "name"));
    if (!name) return;
    const namespace = text2(metadata && child(metadata, "namespace")) || defaultNamespace;
    const podSpec = mapAt(node, podSpecPath(kind));
    const serviceAccount = text2(podSpec && child(podSpec, "serviceAccountName")) || text2(podSpec && child(podSpec, "serviceAccount")) || "default";
    const labels = stringMap(mapAt(node, ["spec", "selector", "matchLabels"])) ?? stringMap(mapAt(node, podLabelsPath(kind))) ?? {};
    found.push({ name, namespace, kind, serviceAccount, labels, file, line: node.line });
  };
  for (const doc of documents) for (const { node, type } of appliedObjects(doc.root)) visit3(node, type);
  return found;
}
function createWorkloadLookup(workloads, services = []) {
  const byKey = new Map(workloads.map((w) => [`${w.namespace}/${w.name}`, w]));
  const get = (namespace, name) => byKey.get(`${namespace}/${name}`);
  const servicesByKey = new Map(services.map((s) => [`${s.namespace}/${s.name}`, s]));
  return {
    workloads,
    services,
    serviceOf: (namespace, name) => servicesByKey.get(`${namespace}/${name}`),
    get,
    kindOf: (namespace, name) => get(namespace, name)?.kind,
    serviceAccountOf: (namespace, name) => get(namespace, name)?.serviceAccount,
    labelsOf: (namespace, name) => get(namespace, name)?.labels
  };
}
function podTemplatePath(kind) {
  if (kind === "Pod") return [];
  if (kind === "CronJob") return ["spec", "jobTemplate", "spec", "template"];
  return ["spec", "template"];
}
function podSpecPath(kind) {
  return [...podTemplatePath(kind), "spec"];
}
function podLabelsPath(kind) {
  return [...podTemplatePath(kind), "metadata", "labels"];
}
function mapAt(node, path9) {
  let current = node;
  for (const key of path9) {
    if (current?.type !== "map") return void 0;
    current = child(current, key);
  }
  return current?.type === "map" ? current : void 0;
}
function text2(node) {
  if (node?.type !== "scalar" || node.value === null) return void 0;
  return node.written ?? String(node.value);
}
function stringMap(map2) {
  if (!map2 || map2.entries.size === 0) return void 0;
  const result = {};
  for (const [key, entry] of map2.entries) {
    const value = text2(entry.value);
    if (value !== void 0) result[key] = value;
  }
  return result;
}

// src/diff/group-rules.ts
var FEW_PLAIN = 8;
var GroupRules = class {
  /** The rules whose client and server kinds agree with the group's: its target is declared. */
  agreeing = [];
  /** Rules without a `*` or template, while there are at most FEW_PLAIN of them. */
  fewPlain = [];
  /** The plain rules by method and path, once there are more than FEW_PLAIN (most groups never). */
  plain;
  /** Rules with a `*` in the method or path: matched one by one. */
  patterned = [];
  sawDetail = false;
  sawNoDetail = false;
  /** `first`: any call of the group (they share their client and server objects). */
  constructor(targets, first) {
    const seen = targets.length > 1 ? /* @__PURE__ */ new Set() : void 0;
    for (const { workload, states } of targets) {
      for (let r = 0; r < states.length; r++) {
        const state = states[r];
        if (seen?.has(state)) continue;
        if (!clientKindAgrees(state.rule, first.client) || !serverKindAgrees(state.rule, workload, first))
          continue;
        seen?.add(state);
        this.agreeing.push(state);
        if (!(state.plainMethod && state.plainPath)) this.patterned.push(state);
        else if (this.plain !== void 0) this.addPlain(this.plain, state);
        else if (this.fewPlain.length < FEW_PLAIN) this.fewPlain.push(state);
        else {
          const plain2 = /* @__PURE__ */ new Map();
          for (const known of this.fewPlain) this.addPlain(plain2, known);
          this.addPlain(plain2, state);
          this.fewPlain.length = 0;
          this.plain = plain2;
        }
      }
    }
  }
  addPlain(plain2, state) {
    const { method, path: path9 } = state.rule;
    let byPath = plain2.get(method);
    if (byPath === void 0) {
      byPath = /* @__PURE__ */ new Map();
      plain2.set(method, byPath);
    }
    const list = byPath.get(path9);
    if (list === void 0) byPath.set(path9, [state]);
    else list.push(state);
  }
  /**
   * Marks every rule the call matches and every rule whose target it called. Covered when a
   * rule allows it, or when it is an HTTP call without method/path and its client declared the
   * target at all (nothing to refute). A TCP connection is allowed only by a rule without HTTP
   * rules: Istio cannot build a rule with paths or methods for a TCP filter chain and skips it
   * (istio/istio pilot/pkg/security/authz/model/generator.go, "is HTTP only"; builder.go,
   * "skipped rule ... on TCP filter chain"), ztunnel drops it in ambient mode
   * (pilot/pkg/serviceregistry/ambient/authorization.go), and the intents-operator puts all of a
   * target's HTTP rules in that one rule.
   */
  covers(call) {
    const detail = hasHttpDetail(call);
    if (detail && !this.sawDetail) {
      this.sawDetail = true;
      for (const state of this.agreeing) state.calledWithDetail = true;
    } else if (!detail && !this.sawNoDetail) {
      this.sawNoDetail = true;
      for (const state of this.agreeing) state.calledWithoutDetail = true;
    }
    let allowed = false;
    if (this.plain === void 0) {
      for (let r = 0; r < this.fewPlain.length; r++) {
        const state = this.fewPlain[r];
        const { method, path: path9 } = state.rule;
        if ((method === null || method === call.method) && (path9 === null || path9 === call.path)) {
          state.matched = true;
          allowed = true;
        }
      }
    } else {
      allowed = this.matchPlain(this.plain, call.method, call.path);
      if (call.method !== null) allowed = this.matchPlain(this.plain, null, call.path) || allowed;
      if (call.path !== null) allowed = this.matchPlain(this.plain, call.method, null) || allowed;
      if (call.method !== null && call.path !== null)
        allowed = this.matchPlain(this.plain, null, null) || allowed;
    }
    for (let r = 0; r < this.patterned.length; r++) {
      const state = this.patterned[r];
      if (stateAllowsCall(state, call)) {
        state.matched = true;
        allowed = true;
      }
    }
    return allowed || !detail && call.protocol !== "tcp" && this.agreeing.length > 0;
  }
  /** Marks the plain rules declaring exactly this method and path (null: any); whether any. */
  matchPlain(plain2, method, path9) {
    const list = plain2.get(method)?.get(path9);
    if (list === void 0) return false;
    for (let r = 0; r < list.length; r++) list[r].matched = true;
    return true;
  }
};

// src/diff/intents-homes.ts
function intentsHomes(declared) {
  const byClient = /* @__PURE__ */ new Map();
  for (const doc of declared.documents) {
    const key = refKey(doc.client);
    const homes = byClient.get(key);
    if (homes === void 0) byClient.set(key, [{ doc, targets: [] }]);
    else if (!homes.some((home2) => home2.doc.client.kind === doc.client.kind))
      homes.push({ doc, targets: [] });
  }
  let lastClient;
  let lastFile;
  let home;
  for (let i = 0; i < declared.rules.length; i++) {
    const rule = declared.rules[i];
    if (rule.targetLine === void 0) continue;
    if (rule.client !== lastClient || rule.file !== lastFile) {
      lastClient = rule.client;
      lastFile = rule.file;
      home = byClient.get(refKey(rule.client))?.find((h) => h.doc.client.kind === rule.client.kind && h.doc.file === rule.file);
    }
    if (home === void 0) continue;
    const last = home.targets[home.targets.length - 1];
    const sameTarget = last !== void 0 && last.server === rule.server && last.targetType === rule.targetType && last.targetLine === rule.targetLine;
    if (!sameTarget) home.targets.push(rule);
  }
  return {
    of: (client) => byClient.get(refKey(client))?.find((h) => kindsAgree(h.doc.client.kind, client.kind))
  };
}
function intentsFileFor(home, server) {
  const names = (type, ref) => ref === void 0 ? void 0 : home.targets.find(
    (r) => r.targetType === type && r.server.name === ref.name && r.server.namespace === ref.namespace
  );
  const target = names("kubernetes", server) ?? names("service", server.service);
  return { file: home.doc.file, line: target?.targetLine ?? home.doc.targetsLine ?? home.doc.line };
}

// src/diff/compute-drift.ts
function computeDrift(observed, declared, opts = {}) {
  const scope = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : null;
  const inScope = (namespace) => scope === null || scope.has(namespace);
  const calls = inOrder(
    scope === null ? observed.calls : observed.calls.filter((c) => inScope(c.client.namespace))
  );
  const rules = scope === null ? declared.rules : declared.rules.filter((r) => inScope(r.client.namespace));
  const checkable = rules.filter((rule) => CHECKABLE_TARGETS.has(rule.targetType));
  const allCheckable = rules === declared.rules ? checkable : declared.rules.filter((r) => CHECKABLE_TARGETS.has(r.targetType));
  const warnings = [...observed.warnings, ...declared.warnings];
  const { index, states } = buildRuleIndex(checkable);
  const closedTargets = declaredTargetKeys(allCheckable);
  const { covered, ignored, missing } = classifyCalls(calls, {
    index,
    closedTargets,
    homes: intentsHomes(declared),
    opts
  });
  const external = observed.external.filter((call) => inScope(call.client.namespace));
  const activeClients = activeClientsOf(calls, external);
  const { stale, notChecked } = unmatchedRules(rules, states, activeClients);
  const patterned = patternedPathsWarning(missing);
  if (patterned !== void 0) warnings.push(patterned);
  const undeclarable = undeclarableMethodsWarning(missing);
  if (undeclarable !== void 0) warnings.push(undeclarable);
  return {
    missing,
    stale,
    covered,
    notChecked,
    unattributed: observed.unattributed.filter((call) => inScope(call.server.namespace)).sort(compareCalls),
    external: external.sort(compareCalls),
    ignored,
    warnings: [...new Set(warnings)],
    summary: {
      observed: calls.length,
      declared: rules.length,
      covered: covered.length,
      missing: missing.length,
      stale: stale.length,
      notChecked: notChecked.length,
      ignored: ignored.length,
      drift: missing.length > 0 || stale.length > 0
    }
  };
}
function classifyCalls(calls, { index, closedTargets, homes, opts }) {
  const covered = [];
  const ignored = [];
  const missing = [];
  let client;
  let server;
  let byTarget;
  let home;
  let intentsFile;
  let rules;
  let closed = false;
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i];
    if (call.client !== client) {
      client = call.client;
      server = void 0;
      byTarget = index.get(refKey(client));
      home = homes.of(client);
    }
    if (call.server !== server) {
      server = call.server;
      intentsFile = home === void 0 ? void 0 : intentsFileFor(home, server);
      const keys = callTargetKeys(call);
      const targets = keys.map((key) => ({ workload: isWorkloadKey(key), states: byTarget?.get(key) ?? [] }));
      rules = new GroupRules(targets, call);
      closed = keys.some((key) => closedTargets.has(key));
    }
    if (rules.covers(call)) {
      covered.push(call);
      continue;
    }
    const ignoredBy = opts.isIgnored?.(call);
    if (ignoredBy === true) {
      ignored.push(call);
    } else if (ignoredBy) {
      const entry = { ...call, ignoredBy: { file: ignoredBy.file, line: ignoredBy.line } };
      ignored.push(entry);
    } else {
      addMissing(missing, call, closed, opts, intentsFile);
    }
  }
  return { covered, ignored, missing };
}
function activeClientsOf(calls, external) {
  const activeClients = /* @__PURE__ */ new Set();
  for (let i = 0; i < calls.length; i++) {
    if (i === 0 || calls[i].client !== calls[i - 1].client) activeClients.add(refKey(calls[i].client));
  }
  for (const call of external) activeClients.add(refKey(call.client));
  return activeClients;
}
function unmatchedRules(rules, states, activeClients) {
  const stale = [];
  const notChecked = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (!CHECKABLE_TARGETS.has(rule.targetType)) notChecked.push({ ...rule, why: "not-http" });
  }
  for (let i = 0; i < states.length; i++) {
    const state = states[i];
    if (state.matched) continue;
    if (!state.calledWithDetail && state.calledWithoutDetail) {
      notChecked.push({ ...state.rule, why: "no-http-detail" });
    } else {
      stale.push({ ...state.rule, reason: staleReason(state, activeClients) });
    }
  }
  return { stale: stale.sort(compareRules), notChecked: notChecked.sort(compareRules) };
}
function staleReason(state, activeClients) {
  if (state.calledWithDetail) return "path-not-called";
  return activeClients.has(refKey(state.rule.client)) ? "server-not-called" : "client-idle";
}
function inOrder(calls) {
  for (let i = 1; i < calls.length; i++) {
    if (compareCalls(calls[i - 1], calls[i]) > 0) return [...calls].sort(compareCalls);
  }
  return calls;
}
function sameEntry(a, b) {
  return a.client.name === b.client.name && a.client.namespace === b.client.namespace && a.server.name === b.server.name && a.server.namespace === b.server.namespace && a.method === b.method && a.path === b.path;
}
function addMissing(missing, call, wouldBeBlocked, opts, intentsFile) {
  const known = missing[missing.length - 1];
  if (known === void 0 || !sameEntry(known, call)) {
    const suggestedPath = call.path === null ? void 0 : opts.suggestPath?.(call.path, call);
    const entry = { ...call, wouldBeBlocked };
    if (suggestedPath !== void 0 && suggestedPath !== call.path) entry.suggestedPath = suggestedPath;
    if (intentsFile !== void 0) entry.intentsFile = intentsFile;
    missing.push(entry);
    return;
  }
  known.count += call.count;
  known.wouldBeBlocked ||= wouldBeBlocked;
  if (call.firstSeen !== void 0 && (known.firstSeen === void 0 || before(call.firstSeen, known.firstSeen))) {
    known.firstSeen = call.firstSeen;
  }
  if (call.lastSeen !== void 0 && (known.lastSeen === void 0 || before(known.lastSeen, call.lastSeen))) {
    known.lastSeen = call.lastSeen;
  }
}
function before(a, b) {
  return Date.parse(a) < Date.parse(b);
}
function patternedPathsWarning(missing) {
  let first;
  let count2 = 0;
  for (let i = 0; i < missing.length; i++) {
    const call = missing[i];
    if (call.path === null || !readAsPattern(call.path)) continue;
    first ??= call;
    count2++;
  }
  if (first === void 0) return void 0;
  const example = `${first.client.name} -> ${first.server.name} ${first.method ?? ""} ${JSON.stringify(first.path)}`;
  return `${count2} missing call(s) have a path holding "*", "{" or "}" (e.g. ${example}), which Istio reads as a wildcard or template: a rule written for such a path allows more than the path called, or never matches`;
}
function undeclarableMethodsWarning(missing) {
  const odd = missing.filter((c) => c.method !== null && !INTENT_METHODS.includes(c.method));
  if (odd.length === 0) return void 0;
  const first = odd[0];
  const example = `${first.client.name} -> ${first.server.name} ${JSON.stringify(first.method)}`;
  return `${odd.length} missing call(s) use a method ClientIntents cannot declare (e.g. ${example}): Istio matches methods case-sensitively and the CRD takes only ${INTENT_METHODS.join(", ")}, so only a target without http rules, or an http rule with methods: [] for the path, allows them`;
}

// src/diff/coverage.ts
function percentOf(part, whole) {
  return whole === 0 ? 100 : Math.floor(part * 100 / whole);
}
function computeCoverage(rules, drift, opts = {}) {
  const scope = opts.namespaces && opts.namespaces.length > 0 ? new Set(opts.namespaces) : null;
  const byClient = /* @__PURE__ */ new Map();
  const entryOf = (client) => {
    const key = refKey(client);
    let entry = byClient.get(key);
    if (!entry) {
      const environment = opts.environments?.[client.namespace];
      entry = {
        client: { name: client.name, namespace: client.namespace },
        ...environment === void 0 ? {} : { environment },
        declared: 0,
        exercised: 0,
        stale: { "path-not-called": 0, "server-not-called": 0, "client-idle": 0 },
        noDetail: 0,
        percent: 0
      };
      byClient.set(key, entry);
    }
    return entry;
  };
  const inScope = (rule) => scope === null || scope.has(rule.client.namespace);
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (CHECKABLE_TARGETS.has(rule.targetType) && inScope(rule)) entryOf(rule.client).declared++;
  }
  for (const rule of drift.stale) if (inScope(rule)) entryOf(rule.client).stale[rule.reason]++;
  for (const rule of drift.notChecked) {
    if (rule.why === "no-http-detail" && inScope(rule)) entryOf(rule.client).noDetail++;
  }
  let declared = 0;
  let exercised = 0;
  const clients = [...byClient.values()].sort((a, b) => compareKeys(refKey(a.client), refKey(b.client)));
  for (const entry of clients) {
    const stale = entry.stale["path-not-called"] + entry.stale["server-not-called"] + entry.stale["client-idle"];
    entry.exercised = Math.max(0, entry.declared - stale - entry.noDetail);
    entry.percent = percentOf(entry.exercised, entry.declared);
    declared += entry.declared;
    exercised += entry.exercised;
  }
  return { clients, total: { declared, exercised, percent: percentOf(exercised, declared) } };
}
function compareKeys(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/diff/ignore-rules.ts
function matchGlob(glob2, value) {
  const parts = glob2.split("*");
  if (parts.length === 1) return glob2 === value;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i];
    if (part === "") continue;
    const found = value.indexOf(part, at);
    if (found === -1 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}
function fieldMatches(glob2, values) {
  if (glob2 === void 0) return true;
  return values.some((value) => value === null ? glob2 === "*" : matchGlob(glob2, value));
}
function pathMatches(pattern, path9) {
  if (pattern === void 0 || !isPathTemplate(pattern)) return fieldMatches(pattern, [path9]);
  return path9 !== null && (path9 === pattern || matchPath(pattern, path9));
}
function ignoreRuleMatchesCall(rule, call) {
  const servers = [refKey(call.server)];
  if (call.server.service) servers.push(refKey(call.server.service));
  return fieldMatches(rule.client, [refKey(call.client)]) && fieldMatches(rule.server, servers) && fieldMatches(rule.method, [call.method]) && pathMatches(rule.path, call.path);
}
function ignoreRuleMatchesDeclared(rule, declared) {
  return fieldMatches(rule.client, [refKey(declared.client)]) && fieldMatches(rule.server, [refKey(declared.server)]) && fieldMatches(rule.method, [declared.method]) && pathMatches(rule.path, declared.path);
}
function buildIgnoreMatcher(rules) {
  const where = (rule) => rule === void 0 ? void 0 : { file: rule.file, line: rule.line };
  return {
    forCall: (call) => where(rules.find((rule) => ignoreRuleMatchesCall(rule, call))),
    forDeclared: (declared) => where(rules.find((rule) => ignoreRuleMatchesDeclared(rule, declared)))
  };
}

// src/diff/fail-policy.ts
function failOnFor(policy, client) {
  if (policy.overrides.length === 0) return policy.failOn;
  const key = refKey(client);
  return policy.overrides.find((o) => matchGlob(o.client, key))?.failOn ?? policy.failOn;
}
function unusedOverrideWarnings(policy, clients) {
  const names = [...clients];
  return policy.overrides.filter((o) => !names.some((client) => matchGlob(o.client, client))).map((o) => {
    const at = o.file === void 0 ? "overrides" : `${o.file}${o.line === void 0 ? "" : `:${o.line}`}`;
    return `${at}: override client ${o.client} (failOn: ${o.failOn}) matches no client observed or declared in this run: it changes nothing`;
  });
}
var failsOnMissing = (failOn) => failOn === "missing" || failOn === "any";
var failsOnStale = (failOn) => failOn === "stale" || failOn === "any";
function missingFails(policy, call) {
  return failsOnMissing(failOnFor(policy, call.client));
}
function staleOutcome(policy, rule) {
  if (!failsOnStale(failOnFor(policy, rule.client))) return "pass";
  return rule.reason === "client-idle" && policy.clientIdle === "warn" ? "warn" : "fail";
}
function evaluateFailure(drift, policy) {
  let failingMissing = 0;
  for (let i = 0; i < drift.missing.length; i++)
    if (missingFails(policy, drift.missing[i])) failingMissing++;
  let failingStale = 0;
  let idleWarnings = 0;
  for (const rule of drift.stale) {
    const outcome = staleOutcome(policy, rule);
    if (outcome === "warn") idleWarnings++;
    else if (outcome === "fail") failingStale++;
  }
  return {
    exitCode: failingMissing > 0 || failingStale > 0 ? 1 : 0,
    failingMissing,
    failingStale,
    idleWarnings
  };
}

// src/diff/id-segment.ts
var INTEGER = /^\d+$/;
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var HEX = /^[0-9a-f]{8,}$/i;
var DATE = /^\d{4}-\d{2}-\d{2}$/;
var DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}(:?\d{2}){1,2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
var VERSION2 = /^v\d+([._]\d+)*([a-z]+\d*)?$/i;
var DOTTED_NUMBER = /^\d+(\.\d+){1,3}$/;
var FILE_NAME = /^(.+)\.([A-Za-z][A-Za-z0-9]{0,4})$/;
var TOKEN_CHARS = /^[A-Za-z0-9_-]+$/;
function isVersionSegment(segment) {
  return VERSION2.test(segment) || DOTTED_NUMBER.test(segment);
}
function count(text3, pattern) {
  return text3.match(pattern)?.length ?? 0;
}
function isRandomRun(run) {
  if (run.length < 10) return false;
  const digits = count(run, /\d/g);
  const letters = count(run, /[A-Za-z]/g);
  if (digits === 0 || letters === 0) return false;
  return digits >= 2 || count(run, /[A-Z]/g) >= 3 && count(run, /[a-z]/g) >= 2;
}
function isToken(segment) {
  const body = segment.replace(/={1,2}$/, "");
  if (body.length < 16 || !TOKEN_CHARS.test(body)) return false;
  return body.split(/[-_]/).some(isRandomRun);
}
function isValueShape(segment) {
  if (INTEGER.test(segment) || UUID.test(segment) || DATE.test(segment) || DATE_TIME.test(segment)) {
    return true;
  }
  if (HEX.test(segment) && /\d/.test(segment) && /[a-f]/i.test(segment)) return true;
  return isToken(segment);
}
function isIdLikeSegment(segment) {
  if (segment === "" || isVersionSegment(segment)) return false;
  if (isValueShape(segment)) return true;
  const file = FILE_NAME.exec(segment);
  return file !== null && file[1] !== void 0 && isValueShape(file[1]);
}

// src/diff/path-variance.ts
var MATCH_ONE2 = "{*}";
var MATCH_ANY2 = "{**}";
var TEMPLATE_SEGMENT = /^[A-Za-z0-9\-._~%!$&'()+,;:@=]+$/;
var SequenceIds = class {
  children = /* @__PURE__ */ new Map();
  next = 1;
  /** The id of `parent` extended by `segment` (0 is the empty sequence). */
  extend(parent, segment) {
    let children = this.children.get(parent);
    if (children === void 0) {
      children = /* @__PURE__ */ new Map();
      this.children.set(parent, children);
    }
    let id = children.get(segment);
    if (id === void 0) {
      id = this.next++;
      children.set(segment, id);
    }
    return id;
  }
  /** ids[k]: the first k segments (ids[0] = 0, the empty prefix). */
  prefixes(segments) {
    const out = [0];
    for (let k = 0; k < segments.length; k++) out.push(this.extend(out[k], segments[k]));
    return out;
  }
  /** ids[k]: the segments from k to the end (ids[length] = 0, the empty suffix). */
  suffixes(segments) {
    const out = new Array(segments.length + 1);
    out[segments.length] = 0;
    for (let k = segments.length - 1; k >= 0; k--) out[k] = this.extend(-1 - out[k + 1], segments[k]);
    return out;
  }
};
function hasDigit(value) {
  return /\d/.test(value);
}
function valuesVary(values, minVariants) {
  if (values.length < minVariants) return false;
  if (values.some(isVersionSegment)) return false;
  const withDigits = values.filter(hasDigit).length;
  return withDigits * 2 >= values.length || values.length >= minVariants * 10;
}
function pushTo(groups, key, item) {
  const list = groups.get(key);
  if (list) list.push(item);
  else groups.set(key, [item]);
}
function collapseShape(sameShape, minVariants) {
  const ids = new SequenceIds();
  const suffixes = sameShape.map((e) => ids.suffixes(e.segments));
  const prefix = sameShape.map(() => 0);
  const width = sameShape[0]?.segments.length ?? 0;
  let changed = false;
  for (let i = 0; i < width; i++) {
    const neighbours = /* @__PURE__ */ new Map();
    for (let n = 0; n < sameShape.length; n++) pushTo(neighbours, `${prefix[n]}:${suffixes[n][i + 1]}`, n);
    for (const bucket of neighbours.values()) {
      const values = [...new Set(bucket.map((n) => sameShape[n].rawSegments[i] ?? ""))];
      if (!valuesVary(values, minVariants)) continue;
      for (const n of bucket) {
        const entry = sameShape[n];
        const value = entry.rawSegments[i] ?? "";
        if (entry.segments[i] !== MATCH_ONE2 && TEMPLATE_SEGMENT.test(value)) {
          entry.segments[i] = MATCH_ONE2;
          changed = true;
        }
      }
    }
    sameShape.forEach((entry, n) => {
      prefix[n] = ids.extend(prefix[n], entry.segments[i]);
    });
  }
  return changed;
}
function collapseVaryingSegments(entries, minVariants) {
  if (entries.length < minVariants) return;
  const byShape = /* @__PURE__ */ new Map();
  for (const e of entries) pushTo(byShape, `${e.segments.length}${e.trailingSlash ? "/" : ""}`, e);
  for (let changed = true, rounds = 0; changed && rounds < 16; rounds++) {
    changed = false;
    for (const sameShape of byShape.values()) {
      if (sameShape.length >= minVariants) changed = collapseShape(sameShape, minVariants) || changed;
    }
  }
}
function collapseVaryingTails(entries, minVariants) {
  if (entries.length < minVariants * 2) return;
  const ids = new SequenceIds();
  const prefixes = entries.map((e) => ids.prefixes(e.segments));
  const rawTails = entries.map((e) => ids.suffixes(e.rawSegments));
  const byLength = [];
  entries.forEach((e, n) => {
    const sameLength = byLength[e.segments.length];
    if (sameLength === void 0) byLength[e.segments.length] = [n];
    else sameLength.push(n);
  });
  const longer = [];
  for (let depth = byLength.length - 2; depth >= 1; depth--) {
    for (const n of byLength[depth + 1] ?? []) longer.push(n);
    const byPrefix = /* @__PURE__ */ new Map();
    for (const n of longer) if (entries[n].tailFrom === void 0) pushTo(byPrefix, prefixes[n][depth], n);
    for (const group of byPrefix.values()) {
      const last = entries[group[0]].segments[depth - 1] ?? "";
      if (last === "api" || last === MATCH_ONE2 || isVersionSegment(last)) continue;
      const tails = new Set(group.map((n) => rawTails[n][depth]));
      const depths = new Set(group.map((n) => entries[n].segments.length));
      const firsts = new Set(group.map((n) => entries[n].rawSegments[depth]));
      if (tails.size >= minVariants * 2 && depths.size >= 2 && firsts.size >= minVariants) {
        for (const n of group) entries[n].tailFrom = depth;
      }
    }
  }
}

// src/diff/path-template.ts
var DEFAULT_MIN_VARIANTS = 5;
var MAX_COMPARED_SEGMENTS = 64;
function splitPath(path9) {
  if (!path9.startsWith("/") || path9 === "/") return null;
  const trailingSlash = path9.endsWith("/");
  const segments = (trailingSlash ? path9.slice(1, -1) : path9.slice(1)).split("/");
  return { segments, trailingSlash };
}
function joinPath(segments, trailingSlash) {
  return `/${segments.join("/")}${trailingSlash ? "/" : ""}`;
}
function canBeOneSegment(segment) {
  return TEMPLATE_SEGMENT.test(segment) && isIdLikeSegment(segment);
}
function checked2(raw, template2) {
  if (template2 === raw) return raw;
  return validatePathPattern(template2) === null && matchPath(template2, raw) ? template2 : raw;
}
function templatePath(path9) {
  const split = splitPath(path9);
  if (!split) return path9;
  const segments = split.segments.map((s) => canBeOneSegment(s) ? MATCH_ONE2 : s);
  return checked2(path9, joinPath(segments, split.trailingSlash));
}
function entryTemplate(entry) {
  if (entry.tailFrom !== void 0) {
    return checked2(entry.raw, `${joinPath(entry.segments.slice(0, entry.tailFrom), false)}/${MATCH_ANY2}`);
  }
  const template2 = checked2(entry.raw, joinPath(entry.segments, entry.trailingSlash));
  return template2 === entry.raw ? templatePath(entry.raw) : template2;
}
var PathShapes = class {
  shapes = /* @__PURE__ */ new Map();
  of(raw) {
    let shape = this.shapes.get(raw);
    if (shape === void 0) {
      const split = splitPath(raw);
      shape = split === null ? null : {
        split,
        segments: split.segments.map((s) => canBeOneSegment(s) ? MATCH_ONE2 : s),
        template: templatePath(raw)
      };
      this.shapes.set(raw, shape);
    }
    return shape;
  }
};
function mayVary(paths, minVariants) {
  if (paths.length >= minVariants * 2) return true;
  if (paths.length < minVariants) return false;
  const byShape = /* @__PURE__ */ new Map();
  for (const [, shape] of paths) {
    const key = `${shape.split.segments.length}${shape.split.trailingSlash ? "/" : ""}`;
    const n = (byShape.get(key) ?? 0) + 1;
    if (n >= minVariants) return true;
    byShape.set(key, n);
  }
  return false;
}
function distinctShapes(paths, shapes) {
  const distinct = [];
  for (const raw of new Set(paths)) {
    const shape = shapes.of(raw);
    if (shape) distinct.push([raw, shape]);
  }
  return distinct;
}
function collapsedTemplates(distinct, opts, shapes) {
  const minVariants = opts.minVariants ?? DEFAULT_MIN_VARIANTS;
  if (!mayVary(distinct, minVariants)) return void 0;
  const entries = distinct.map(([raw, shape]) => ({
    raw,
    rawSegments: shape.split.segments,
    segments: [...shape.segments],
    trailingSlash: shape.split.trailingSlash
  }));
  const compared = entries.filter((e) => e.segments.length <= MAX_COMPARED_SEGMENTS);
  collapseVaryingSegments(compared, minVariants);
  collapseVaryingTails(compared, minVariants);
  const out = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    const own = shapes.of(entry.raw);
    const alone = entry.tailFrom === void 0 && entry.segments.every((s, i) => s === own?.segments[i]);
    out.set(entry.raw, alone ? own?.template ?? entry.raw : entryTemplate(entry));
  }
  return out;
}
function pairKey(call) {
  return `${refKey(call.client)}\0${refKey(call.server)}`;
}
function buildPathTemplater(calls, opts = {}) {
  const pathsByPair = /* @__PURE__ */ new Map();
  let last;
  let list = [];
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i];
    if (call.path === null) continue;
    if (last === void 0 || call.client !== last.client || call.server !== last.server) {
      const key = pairKey(call);
      const known = pathsByPair.get(key);
      if (known) list = known;
      else {
        list = [];
        pathsByPair.set(key, list);
      }
      last = call;
    }
    list.push(call.path);
  }
  const shapes = new PathShapes();
  const templates = /* @__PURE__ */ new Map();
  const pairTemplates = (key) => {
    let known = templates.get(key);
    if (known === void 0) {
      const paths = pathsByPair.get(key);
      if (paths === void 0) return void 0;
      known = collapsedTemplates(distinctShapes(paths, shapes), opts, shapes) ?? null;
      templates.set(key, known);
    }
    return known ?? void 0;
  };
  let lastClient;
  let lastServer;
  let lastTemplates;
  const templatesOf = (call) => {
    if (call.client !== lastClient || call.server !== lastServer) {
      lastClient = call.client;
      lastServer = call.server;
      lastTemplates = pairTemplates(pairKey(call));
    }
    return lastTemplates;
  };
  const templateOf = (path9, call) => (call && templatesOf(call)?.get(path9)) ?? shapes.of(path9)?.template ?? templatePath(path9);
  return {
    pathOf: (call) => call.path === null ? null : templateOf(call.path, call),
    suggest: (path9, call) => {
      const template2 = templateOf(path9, call);
      return template2 === path9 ? void 0 : template2;
    }
  };
}
function templateWidening(raw, template2) {
  if (raw === template2) return void 0;
  const rawSplit = splitPath(raw);
  const templateSplit = splitPath(template2);
  if (!rawSplit || !templateSplit) return void 0;
  const parts = [];
  templateSplit.segments.forEach((segment, i) => {
    if (segment === MATCH_ONE2) parts.push(`any segment for ${rawSplit.segments[i] ?? ""}`);
    if (segment === MATCH_ANY2) {
      const prefix = joinPath(templateSplit.segments.slice(0, i), true);
      const seen = `${rawSplit.segments.slice(i).join("/")}${rawSplit.trailingSlash ? "/" : ""}`;
      parts.push(`anything under ${prefix} (seen: ${seen})`);
    }
  });
  return parts.length === 0 ? void 0 : parts.join("; ");
}

// src/diff/drift-controls.ts
var DEFAULT_POLICY = { failOn: "missing", clientIdle: "warn", overrides: [] };
function withCounts(drift) {
  const { missing, stale } = drift;
  return {
    ...drift,
    summary: {
      ...drift.summary,
      missing: missing.length,
      stale: stale.length,
      drift: missing.length > 0 || stale.length > 0
    }
  };
}
function splitNoise(missing, minCount) {
  if (missing.every((call) => call.count >= minCount)) return { kept: [...missing], dropped: [] };
  const keys = missing.map(missingCallKey);
  const requests = /* @__PURE__ */ new Map();
  for (let i = 0; i < missing.length; i++) {
    requests.set(keys[i], (requests.get(keys[i]) ?? 0) + missing[i].count);
  }
  const kept2 = [];
  const dropped = [];
  for (let i = 0; i < missing.length; i++) {
    ((requests.get(keys[i]) ?? 0) < minCount ? dropped : kept2).push(missing[i]);
  }
  return { kept: kept2, dropped };
}
function clientsRead(observed, declared) {
  const clients = /* @__PURE__ */ new Set();
  for (const list of [observed.calls, observed.external, declared.rules, declared.documents]) {
    for (let i = 0; i < list.length; i++) clients.add(refKey(list[i].client));
  }
  return clients;
}
function checkDrift(observed, declared, controls = {}) {
  const namespaces = controls.namespaces ? [...controls.namespaces] : [];
  const scope = new Set(namespaces);
  const ignore = buildIgnoreMatcher(controls.ignore ?? []);
  const templater = controls.templates === false ? void 0 : buildPathTemplater(
    scope.size === 0 ? observed.calls : observed.calls.filter((c) => scope.has(c.client.namespace))
  );
  const raw = computeDrift(observed, declared, {
    namespaces,
    ...controls.ignore && controls.ignore.length > 0 ? { isIgnored: ignore.forCall } : {},
    ...templater ? { suggestPath: templater.suggest } : {}
  });
  const coverage = computeCoverage(declared.rules, raw, {
    namespaces,
    ...controls.environments ? { environments: controls.environments } : {}
  });
  const ignoredStale = [];
  const stale = [];
  for (const rule of raw.stale) {
    const by = ignore.forDeclared(rule);
    if (by) ignoredStale.push({ ...rule, ignoredBy: by });
    else stale.push(rule);
  }
  const minCount = controls.minCount ?? 1;
  const { kept: missing, dropped } = splitNoise(raw.missing, minCount);
  const beforeBaseline = withCounts({ ...raw, missing, stale });
  let current = beforeBaseline;
  let baselineOutcome;
  if (controls.baseline) {
    const applied = applyBaseline(beforeBaseline, controls.baseline);
    current = applied.drift;
    baselineOutcome = applied.outcome;
  }
  const policy = controls.policy ?? DEFAULT_POLICY;
  const failure = evaluateFailure(current, policy);
  const unused = policy.overrides.length === 0 ? [] : unusedOverrideWarnings(policy, clientsRead(observed, declared));
  const warnings = [...current.warnings, ...unused];
  if (failure.idleWarnings > 0) {
    warnings.push(
      `${failure.idleWarnings} stale ${failure.idleWarnings === 1 ? "rule belongs" : "rules belong"} to clients that made no calls in this run (client-idle): reported, not failing (config clientIdle: fail to change)`
    );
  }
  const drift = { ...current, warnings, coverage, ignoredStale, failure };
  if (minCount > 1) {
    drift.noise = { minCount, calls: dropped.length, requests: dropped.reduce((sum, c) => sum + c.count, 0) };
  }
  if (baselineOutcome) drift.baseline = baselineOutcome;
  if (controls.environments && Object.keys(controls.environments).length > 0) {
    drift.environments = controls.environments;
  }
  return { drift, beforeBaseline, exitCode: failure.exitCode };
}

// src/observe/observation-scope.ts
var ROUTINE = [
  /^no --window: counts are cumulative/,
  /^the network mapper keeps no request counts/,
  /^no istio_requests_total or istio_tcp_connections_opened_total series found$/
];
var EVIDENCE_SHOWN = 4;
function observedNamespaces(map2) {
  const seen = /* @__PURE__ */ new Set();
  for (const call of map2.calls) seen.add(call.client.namespace);
  for (const call of map2.external) seen.add(call.client.namespace);
  for (const call of map2.unattributed) seen.add(call.server.namespace);
  return seen;
}
function requireObservedScope(map2, settings, declared) {
  const seen = observedNamespaces(map2);
  const declaredIn = new Set((declared?.documents ?? []).map((d) => d.client.namespace));
  const canTell = seen.size > 0 || declared !== void 0 || !settings.allowEmpty;
  const isUnknown = (ns) => !seen.has(ns) && !declaredIn.has(ns);
  const unknown = settings.asked.filter(isUnknown);
  const environment = settings.environmentScope;
  const unmapped = (environment?.namespaces ?? []).filter(isUnknown);
  const which = (names) => `namespace${names.length === 1 ? "" : "s"} ${names.join(", ")}`;
  const nothingThere = () => `nothing observed and nothing declared there (${namespacesSeen(seen, declared, declaredIn)})`;
  if (canTell && unknown.length > 0) throw new InputError(`${which(unknown)}: ${nothingThere()}`);
  if (canTell && environment !== void 0 && unmapped.length > 0) {
    const file = environment.file ?? "the config";
    throw new InputError(
      `--environment ${environment.name}: ${file} maps ${which(unmapped)} to it: ${nothingThere()}`
    );
  }
  const scope = settings.namespaces;
  if (scope.length === 0 ? seen.size > 0 : scope.some((ns) => seen.has(ns))) {
    return declared === void 0 ? map2 : requireHttpDetail(requireClientCalls(map2, settings), settings, declared);
  }
  if (!settings.allowEmpty) {
    throw new InputError(
      `${nothingObserved(map2, settings, seen)}; if the mesh truly had no traffic, --allow-empty (the action's allow-empty: true) makes this a warning`
    );
  }
  const warning = `${headline(map2, settings)} (allow-empty: reported, not failing)`;
  return { ...map2, warnings: [...map2.warnings, warning] };
}
function namespacesSeen(seen, declared, declaredIn) {
  const list = (names) => names.size === 0 ? "none" : [...names].sort().map(shown).join(", ");
  const observed = `observed: ${list(seen)}`;
  return declared === void 0 ? observed : `${observed}; declared: ${list(declaredIn)}`;
}
function shown(name) {
  return /^[a-z0-9][-a-z0-9.]*$/.test(name) ? name : JSON.stringify(name);
}
function nothingObserved(map2, settings, seen) {
  const parts = [headline(map2, settings)];
  if (seen.size > 0) {
    parts.push(`calls were observed in namespace ${[...seen].sort().map(shown).join(", ")} only`);
  } else {
    const evidence = map2.warnings.filter((w) => !ROUTINE.some((r) => r.test(w))).map((w) => w.replace(NO_ISTIO_SERIES, " holds "));
    if (map2.stats.series > 0) {
      evidence.unshift(`${map2.stats.series} Istio series read, every count 0 (no request in the window)`);
    }
    const more = evidence.length - EVIDENCE_SHOWN;
    if (evidence.length > 0) {
      parts.push(evidence.slice(0, EVIDENCE_SHOWN).join("; ") + (more > 0 ? `; and ${more} more` : ""));
    }
  }
  parts.push(`likely cause: ${seen.size > 0 ? wrongScope(settings) : likelyCause(map2, settings.source)}`);
  return parts.join("; ");
}
function wrongScope(settings) {
  const byEnvironment = settings.namespaces.some((ns) => !settings.asked.includes(ns));
  if (!byEnvironment) return "-n names namespaces the traffic was not in";
  const which = settings.asked.length > 0 ? "-n and --environment name" : "--environment maps to";
  return `${which} namespaces the traffic was not in`;
}
function headline(map2, settings) {
  const scope = settings.namespaces.length === 0 ? "" : ` in namespace ${settings.namespaces.join(", ")}`;
  return `nothing observed${scope}: ${whatWasRead(map2, settings)} held no Istio request or TCP traffic`;
}
function whatWasRead(map2, settings) {
  const files = (n) => `${n} file${n === 1 ? "" : "s"}`;
  switch (settings.source) {
    case "metrics":
      return `the ${files(map2.stats.sources)} read from --metrics ${settings.metrics.join(", ")}`;
    case "snapshot":
      return `the snapshot ${settings.snapshots.join(", ")}`;
    case "sidecars":
      return `${map2.stats.sources} meshed pod${map2.stats.sources === 1 ? "" : "s"} read through the API server`;
    case "prometheus":
      return "Prometheus (--prometheus-url)";
    case "mapper":
      return "Otterize's network mapper";
  }
}
function likelyCause(map2, source) {
  switch (source) {
    case "metrics":
      return "files that are not sidecar metrics (--metrics takes a meshed pod's :15020/stats/prometheus or Envoy JSON stats), sidecars that served no request, or pods without a sidecar";
    case "snapshot":
      return "a capture taken before any traffic, or --since later than every call in it";
    case "sidecars":
      return map2.warnings.some((w) => w.startsWith("no meshed pods")) ? "no meshed pods: label the namespace istio-injection=enabled and restart its workloads" : "no traffic through the sidecars (during the window, with --window)";
    case "prometheus":
      return "Prometheus does not scrape the sidecars (Istio's Prometheus addon, or a PodMonitor for port 15020), or no traffic in the range";
    case "mapper":
      return "the mapper has seen no traffic yet (reset recently, or its Istio watcher is off)";
  }
}
function requireClientCalls(map2, settings) {
  const scope = new Set(settings.namespaces);
  const inScope = (namespace) => scope.size === 0 || scope.has(namespace);
  if (map2.calls.some((c) => inScope(c.client.namespace))) return map2;
  if (map2.external.some((c) => inScope(c.client.namespace))) return map2;
  const outside = map2.unattributed.filter((c) => inScope(c.server.namespace)).length;
  const scoped = settings.namespaces.length === 0 ? "" : ` in namespace ${settings.namespaces.join(", ")}`;
  const what = `nothing checked${scoped}: ${whatWasRead(map2, settings)} held only calls from callers outside the mesh (${outside} unattributed: no sidecar named their source workload), and intents are checked against the calls of the mesh's own workloads; likely cause: the callers run without a sidecar (not injected, or outside the cluster)`;
  if (!settings.allowEmpty) {
    throw new InputError(`${what}; --allow-empty (the action's allow-empty: true) makes this a warning`);
  }
  return { ...map2, warnings: [...map2.warnings, `${what} (allow-empty: reported, not failing)`] };
}
function requireHttpDetail(map2, settings, declared) {
  const scope = new Set(settings.namespaces);
  const inScope = (namespace) => scope.size === 0 || scope.has(namespace);
  let calls = 0;
  for (const call of map2.calls) {
    if (!inScope(call.client.namespace)) continue;
    if (call.method !== null || call.path !== null) return map2;
    calls++;
  }
  const httpRules = declared.rules.filter(
    (r) => inScope(r.client.namespace) && CHECKABLE_TARGETS.has(r.targetType) && (r.method !== null || r.path !== null)
  ).length;
  if (calls === 0 || httpRules === 0) return map2;
  const what = `no HTTP rule can be checked: none of the ${calls} call${calls === 1 ? "" : "s"} observed in scope carries a method or path, and the intents declare ${httpRules} HTTP rule${httpRules === 1 ? "" : "s"}; likely cause: the mesh-default Telemetry (tagOverrides request_method, request_path) is missing, or the traffic is TCP only`;
  if (!settings.allowEmpty) {
    throw new InputError(`${what}; --allow-empty (the action's allow-empty: true) makes this a warning`);
  }
  return { ...map2, warnings: [...map2.warnings, `${what} (allow-empty: reported, not failing)`] };
}

// src/observe/read-metrics-concurrently.ts
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
var WORKER_MIN_BYTES = 64 * 1024 * 1024;
var WORKER_MIN_BYTES_ENV = "INTENT_DRIFT_METRICS_WORKER_MIN_BYTES";
var SPLIT_MIN_BYTES = 64 * 1024 * 1024;
var MAX_WORKERS = 2;
var CORES_KEPT = 2;
var PART_BYTES = 16 * 1024 * 1024;
function readMetricsConcurrently(paths, opts = {}) {
  const cwd = opts.cwd ?? process.cwd();
  const asked = opts.minBytes ?? minBytesFromEnv();
  const minBytes = asked ?? WORKER_MIN_BYTES;
  const entry = workerEntry();
  if (entry === void 0 && opts.minBytes === void 0 && asked !== void 0) {
    throw new InputError(`${WORKER_MIN_BYTES_ENV} is set, but the metrics worker script is missing`);
  }
  if (paths.includes("-")) return readMetrics(paths, { cwd });
  let files;
  try {
    files = metricFilesOf(paths, cwd);
  } catch (err) {
    return Promise.reject(err);
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const signal = opts.signal;
  const workers = entry === void 0 || total < minBytes ? 0 : opts.workers ?? metricsWorkers(total, availableParallelism(), asked !== void 0);
  if (entry === void 0 || workers === 0)
    return readMetricFiles(files, void 0, signal).then((b) => b.build());
  if (signal?.aborted) return Promise.reject(signal.reason);
  const parts = splitBySize(files, Math.max(1, Math.ceil(total / (opts.partBytes ?? PART_BYTES))));
  return readParts(entry, parts, workers, opts);
}
function readParts(entry, parts, workers, opts) {
  const queue = new PartQueue(parts.length);
  const merge2 = new OrderedMerge(parts.length);
  const signal = opts.signal;
  const threads = [];
  let lost;
  let settled = false;
  let reading = workers + (opts.mainThreadReads === false ? 0 : 1);
  let abort = () => {
  };
  return new Promise((resolve, reject) => {
    const stopped = () => {
      if (--reading > 0 || settled) return;
      settled = true;
      try {
        resolve(merge2.finish(lost));
      } catch (err) {
        reject(err);
      }
    };
    abort = () => {
      if (settled) return;
      settled = true;
      queue.close();
      for (const w of threads) void w.terminate();
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", abort, { once: true });
    const data = { parts, next: queue.shared };
    for (let k = 0; k < workers; k++) {
      const worker = new Worker(entry, { workerData: data });
      threads.push(worker);
      opts.onWorker?.(worker.threadId);
      let done = false;
      worker.on("message", (m) => {
        if ("done" in m) {
          done = true;
          stopped();
          return;
        }
        const result = "part" in m.reply ? { part: m.reply.part } : { reason: replyError(m.reply, "reading the metrics") };
        if (!settled) merge2.put(m.index, result);
        opts.onPart?.(m.index, worker.threadId);
      });
      worker.once("error", (err) => {
        lost ??= err;
      });
      worker.once("exit", (code) => {
        if (done) return;
        lost ??= new Error(`reading the metrics stopped (exit code ${code}) without an answer`);
        queue.close();
        stopped();
      });
    }
    if (opts.mainThreadReads !== false) readInPlace(parts, queue, merge2, opts, stopped);
  }).finally(() => signal?.removeEventListener("abort", abort));
}
function readInPlace(parts, queue, merge2, opts, stopped) {
  const next = () => {
    const i = opts.signal?.aborted ? -1 : queue.claim();
    if (i === -1) {
      stopped();
      return;
    }
    readMetricFiles(parts[i]).then(
      (builder) => {
        merge2.put(i, { part: builder.export() });
        opts.onPart?.(i, 0);
        setImmediate(next);
      },
      (reason) => {
        queue.close();
        merge2.put(i, { reason });
        opts.onPart?.(i, 0);
        stopped();
      }
    );
  };
  const start = () => setImmediate(next);
  if (opts.mainThreadFree === void 0) start();
  else opts.mainThreadFree.then(start, start);
}
function metricsWorkers(total, cores, asked) {
  if (!asked && cores <= CORES_KEPT) return 0;
  return Math.max(1, Math.min(MAX_WORKERS, cores - CORES_KEPT, Math.floor(total / SPLIT_MIN_BYTES) - 1));
}
function splitBySize(files, count2) {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const groups = [];
  let current = [];
  let read = 0;
  for (const f of files) {
    current.push(f);
    read += f.size;
    if (groups.length < count2 - 1 && read >= total * (groups.length + 1) / count2) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups;
}
function minBytesFromEnv() {
  const raw = process.env[WORKER_MIN_BYTES_ENV];
  if (raw === void 0 || raw === "") return void 0;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0)
    throw new InputError(`${WORKER_MIN_BYTES_ENV} must be a number of bytes, not "${raw}"`);
  return n;
}
function workerEntry() {
  return workerScript("./metrics-worker.ts", "metrics-worker");
}

// src/observe/snapshot/snapshot-merge.ts
function callKey(c) {
  return JSON.stringify([
    c.server.kind === "Service",
    c.client.namespace,
    c.client.name,
    c.server.namespace,
    c.server.name,
    c.server.service?.namespace ?? null,
    c.server.service?.name ?? null,
    c.method,
    c.path,
    c.protocol,
    c.host ?? null
  ]);
}
function mergeCalls(lists) {
  const byKey = /* @__PURE__ */ new Map();
  for (const list of lists) {
    for (const c of list) {
      const key = callKey(c);
      const seen = byKey.get(key);
      if (seen === void 0) {
        byKey.set(key, { ...c, client: { ...c.client }, server: { ...c.server } });
        continue;
      }
      seen.count += c.count;
      if (Date.parse(c.firstSeen) < Date.parse(seen.firstSeen)) seen.firstSeen = c.firstSeen;
      if (Date.parse(c.lastSeen) > Date.parse(seen.lastSeen)) seen.lastSeen = c.lastSeen;
      seen.client.kind ??= c.client.kind;
      seen.server.kind ??= c.server.kind;
    }
  }
  return [...byKey.values()].sort(compareCalls);
}
function mergeSnapshots(snapshots) {
  const times = snapshots.map((s) => s.capturedAt).sort();
  const sources = [...new Set(snapshots.map((s) => s.source))];
  return {
    kind: "IntentDriftSnapshot",
    version: 1,
    source: sources.length === 1 ? sources[0] : "merged",
    capturedAt: times[times.length - 1] ?? (/* @__PURE__ */ new Date()).toISOString(),
    calls: mergeCalls(snapshots.map((s) => s.calls)),
    unattributed: mergeCalls(snapshots.map((s) => s.unattributed)),
    external: mergeCalls(snapshots.map((s) => s.external)),
    warnings: [...new Set(snapshots.flatMap((s) => s.warnings))],
    stats: {
      series: snapshots.reduce((n, s) => n + s.stats.series, 0),
      sources: snapshots.reduce((n, s) => n + s.stats.sources, 0)
    }
  };
}
function filterSince(snapshot, since) {
  const keep = (c) => Date.parse(c.lastSeen) >= since.getTime();
  return {
    ...snapshot,
    calls: snapshot.calls.filter(keep),
    unattributed: snapshot.unattributed.filter(keep),
    external: snapshot.external.filter(keep)
  };
}
async function readSnapshots(files, opts = {}) {
  if (files.length === 0) throw new InputError("--source snapshot needs --snapshot FILE");
  const snapshots = await Promise.all(files.map((f) => readSnapshot(f, opts.stdin)));
  let merged = mergeSnapshots(snapshots);
  if (opts.since !== void 0) merged = filterSince(merged, opts.since);
  return snapshotToMap(merged);
}

// src/pipeline.ts
async function observe(settings, onProgress, opts = {}) {
  let map2 = await readSource(settings, onProgress, opts);
  if (settings.workloads.length > 0) {
    const lookup = await readWorkloadManifests(settings.workloads, { cwd: settings.cwd });
    map2 = attachWorkloadKinds(map2, lookup);
  }
  return map2;
}
async function readSource(settings, onProgress, { signal, mainThreadFree }) {
  const live = settings.live;
  const access = {
    ...live.kubeconfig === void 0 ? {} : { kubeconfig: path4.resolve(settings.cwd, live.kubeconfig) },
    ...live.context === void 0 ? {} : { context: live.context }
  };
  switch (settings.source) {
    case "metrics":
      if (settings.metrics.length === 0) throw new InputError("--source metrics needs --metrics PATH");
      return readMetricsConcurrently(settings.metrics, {
        cwd: settings.cwd,
        ...signal === void 0 ? {} : { signal },
        ...mainThreadFree === void 0 ? {} : { mainThreadFree }
      });
    case "snapshot":
      return readSnapshots(
        settings.snapshots.map((f) => f === "-" ? f : path4.resolve(settings.cwd, f)),
        live.since === void 0 ? {} : { since: parseSince(live.since, /* @__PURE__ */ new Date()) }
      );
    // Live sources load @kubernetes/client-node and friends: only when asked for (a separate chunk
    // in the bundle), so offline runs start fast.
    case "sidecars": {
      requireKubeClientNode("--source sidecars");
      const { readSidecars } = await import("./sidecars-source-CV22AMQ6.js");
      return readSidecars({
        ...access,
        namespaces: settings.namespaces,
        concurrency: live.concurrency,
        ...live.window === void 0 ? {} : { windowMs: parseWait(live.window, "--window") },
        ...live.podTimeout === void 0 ? {} : { timeoutMs: parseWait(live.podTimeout, "--pod-timeout") },
        ...onProgress === void 0 ? {} : { onProgress }
      });
    }
    case "prometheus": {
      const { readPrometheus } = await import("./prometheus-source-FYZGWOQA.js");
      if (live.prometheusUrl === void 0)
        throw new InputError("--source prometheus needs --prometheus-url URL");
      const token = live.prometheusToken;
      return readPrometheus({
        url: live.prometheusUrl,
        ...live.since === void 0 ? {} : { since: live.since },
        ...token === void 0 || token === "" ? {} : { token },
        ...live.prometheusCa === void 0 ? {} : { caFile: path4.resolve(settings.cwd, live.prometheusCa) },
        ...live.prometheusTimeout === void 0 ? {} : {
          timeoutMs: prometheusTimeoutMs(live.prometheusTimeout, "--prometheus-timeout")
        }
      });
    }
    case "mapper": {
      requireKubeClientNode("--source mapper");
      const { readMapper } = await import("./mapper-source-TAW7HMI6.js");
      return readMapper({
        ...access,
        namespaces: settings.namespaces,
        ...live.mapperUrl === void 0 ? {} : { url: live.mapperUrl },
        ...live.mapperToken === void 0 || live.mapperToken === "" ? {} : { token: live.mapperToken }
      });
    }
  }
}
async function observeInScope(settings, onProgress) {
  const map2 = await observe(settings, onProgress);
  return { ...map2, ...requireObservedScope(map2, { ...settings, asked: settings.namespaces }) };
}
async function declare(settings) {
  if (settings.intents.length === 0) throw new InputError("no intents given: use --intents PATH");
  const defaultNamespace = defaultNamespaceFor(settings.defaultNamespace, settings.namespaces);
  return loadIntents(settings.intents, {
    cwd: settings.cwd,
    ...defaultNamespace === void 0 ? {} : { defaultNamespace }
  });
}
function readConfig(settings) {
  return loadDriftConfig({
    cwd: settings.cwd,
    search: settings.findConfig,
    ...settings.configFile === void 0 ? {} : { file: settings.configFile }
  });
}
function observedFrom(settings, observation) {
  const live = settings.live;
  const inputs = {
    metrics: settings.metrics,
    snapshot: settings.snapshots,
    sidecars: [],
    prometheus: live.prometheusUrl === void 0 ? [] : [shownUrl(live.prometheusUrl)],
    mapper: live.mapperUrl === void 0 ? [] : [shownUrl(live.mapperUrl)]
  };
  const from = { source: settings.source, inputs: [...inputs[settings.source]] };
  if (observation.window !== void 0) from.window = { ...observation.window };
  if (live.since !== void 0 && (settings.source === "prometheus" || settings.source === "snapshot")) {
    from.since = live.since;
  }
  return from;
}
function scopeOf(settings, config) {
  if (settings.environment === void 0) return { namespaces: settings.namespaces };
  const namespaces = namespacesOfEnvironment(config, settings.environment);
  if (namespaces.length === 0) {
    const named = [...new Set(Object.values(config.environments))].sort();
    throw new InputError(
      config.file === void 0 ? `--environment ${settings.environment}: no config maps environments to namespaces (none found from here up to the repository root; --config FILE names one)` : `--environment ${settings.environment}: ${config.file} maps no namespace to it (its environments: ${named.join(", ") || "none"})`
    );
  }
  return {
    namespaces: [.../* @__PURE__ */ new Set([...settings.namespaces, ...namespaces])],
    environmentScope: { name: settings.environment, file: config.file, namespaces }
  };
}
async function check(settings, onProgress, gate) {
  const config = gate === void 0 ? await readConfig(settings) : gate.config;
  const scope = scopeOf(settings, config);
  const { namespaces } = scope;
  const baseline = gate !== void 0 ? gate.baseline : settings.baselineFile === void 0 ? void 0 : await readBaselineFile(settings.cwd, settings.baselineFile);
  const stop = new AbortController();
  let intentsParsed = () => {
  };
  const mainThreadFree = new Promise((resolve) => {
    intentsParsed = resolve;
  });
  const observing = observe({ ...settings, namespaces }, onProgress, { signal: stop.signal, mainThreadFree });
  const declaring = declare(settings).catch((err) => {
    stop.abort();
    throw err;
  }).finally(intentsParsed);
  const [read, declared] = await Promise.all([observing, declaring]);
  const observed = requireObservedScope(
    read,
    { ...settings, ...scope, asked: settings.namespaces },
    declared
  );
  const controls = driftControls(config, {
    namespaces,
    ...settings.failOnExplicit ? { failOn: settings.failOn } : {},
    ...settings.templates ? {} : { templates: false },
    ...settings.minCount === void 0 ? {} : { minCount: settings.minCount },
    ...baseline === void 0 ? {} : { baseline }
  });
  return finishCheck(settings, observed, declared, config, controls, namespaces);
}
async function recheck(settings, before2) {
  const declared = await declare(settings);
  return finishCheck(settings, before2.observed, declared, before2.config, before2.controls, before2.namespaces);
}
function finishCheck(settings, observed, declared, config, controls, namespaces) {
  const result = checkDrift(observed, declared, controls);
  result.drift.config = config.file ?? null;
  result.drift.observedFrom = observedFrom(settings, observed);
  const policy = controls.policy ?? DEFAULT_POLICY;
  return { observed, declared, config, controls, policy, namespaces, failOn: policy.failOn, ...result };
}
function attachWorkloadKinds(map2, lookup) {
  const copies = /* @__PURE__ */ new Map();
  const withKind2 = (ref) => {
    if (ref.kind !== void 0) return ref;
    let copy = copies.get(ref);
    if (copy === void 0) {
      const kind = lookup.kindOf(ref.namespace, ref.name);
      copy = kind === void 0 ? ref : { ...ref, kind };
      copies.set(ref, copy);
    }
    return copy;
  };
  const call = (c) => ({
    ...c,
    client: withKind2(c.client),
    server: withKind2(c.server)
  });
  return {
    ...map2,
    calls: map2.calls.map(call),
    unattributed: map2.unattributed.map(call),
    external: map2.external.map(call)
  };
}

// src/deliver/output-files.ts
import path5 from "node:path";
function assertDistinctOutputFiles(cwd, outputs) {
  const seen = /* @__PURE__ */ new Map();
  for (const [name, file] of outputs) {
    if (file === void 0) continue;
    const absolute = path5.resolve(cwd, file);
    const earlier = seen.get(absolute);
    if (earlier !== void 0) {
      throw new InputError(`${earlier} and ${name} name the same file (${file}): give each its own`);
    }
    seen.set(absolute, name);
  }
}

// src/settings.ts
var SOURCES = ["metrics", "snapshot", "sidecars", "prometheus", "mapper"];
var FAIL_ON2 = ["missing", "stale", "any", "none"];
var REPORT_FORMATS = ["text", "markdown", "json", "sarif", "junit"];
var LIST_FORMATS = ["text", "json", "yaml"];
var EXPORT_FORMATS = ["yaml", "json"];
var API_VERSIONS = [
  "k8s.otterize.com/v2beta1",
  "k8s.otterize.com/v2alpha1",
  "k8s.otterize.com/v1beta1",
  "k8s.otterize.com/v1alpha3",
  "k8s.otterize.com/v1alpha2"
];
var DEFAULT_API_VERSION = API_VERSIONS[0];
function defaultSettings(cwd) {
  return {
    cwd,
    intents: [],
    source: "metrics",
    metrics: [],
    snapshots: [],
    workloads: [],
    namespaces: [],
    defaultNamespace: void 0,
    allowEmpty: false,
    failOn: "missing",
    failOnExplicit: false,
    configFile: void 0,
    findConfig: true,
    templates: true,
    minCount: void 0,
    environment: void 0,
    baselineFile: void 0,
    writeBaselineFile: void 0,
    format: "text",
    listFormat: "text",
    fix: false,
    pruneStale: false,
    reportFile: void 0,
    sarifFile: void 0,
    junitFile: void 0,
    color: false,
    output: void 0,
    live: {
      kubeconfig: void 0,
      context: void 0,
      window: void 0,
      concurrency: 16,
      podTimeout: void 0,
      prometheusUrl: void 0,
      prometheusTokenEnv: "PROMETHEUS_TOKEN",
      prometheusToken: void 0,
      prometheusCa: void 0,
      prometheusTimeout: void 0,
      since: void 0,
      mapperUrl: void 0,
      mapperTokenEnv: "MAPPER_TOKEN",
      mapperToken: void 0
    },
    export: {
      format: "yaml",
      outputType: "single-file",
      apiVersion: DEFAULT_API_VERSION,
      asService: false
    },
    visualize: { onlyDrift: false }
  };
}
function namespaceList(values, name) {
  const names = [];
  for (const value of values) {
    const parts = value.split(/[\s,]+/).filter((part) => part !== "");
    if (parts.length === 0) throw new InputError(`${name}: ${JSON.stringify(value)} names no namespace`);
    for (const part of parts) {
      if (!isDnsLabel(part)) {
        throw new InputError(
          `${name}: ${JSON.stringify(part)} is not a namespace name (lower-case letters, digits and '-', at most 63)`
        );
      }
      if (!names.includes(part)) names.push(part);
    }
  }
  return names;
}

// src/declare/intents-edit-plan.ts
import path7 from "node:path";

// src/declare/target-name.ts
function operatorTargetName(server, clientNamespace) {
  if (server.name === "" || server.name.includes(".") || server.namespace.includes(".")) return void 0;
  return server.namespace === clientNamespace ? server.name : `${server.name}.${server.namespace}`;
}
function isDeclarableClient(client) {
  return client.name !== "" && !client.name.includes(".");
}
function undeclarableReason(client, server) {
  const who = `${showControlChars(client.namespace)}/${showControlChars(client.name)}`;
  if (!isDeclarableClient(client)) {
    return `${who}: a client whose name holds a dot cannot have ClientIntents (the operator's webhook refuses it); its calls are left out`;
  }
  if (operatorTargetName(server, client.namespace) === void 0) {
    const target = `${showControlChars(server.namespace)}/${showControlChars(server.name)}`;
    return `${who} -> ${target}: the intents-operator reads a dot in a target name as name.namespace, so this workload cannot be named in a target; the call is left out`;
  }
  return void 0;
}

// src/declare/build-client-intents.ts
function buildClientIntents(calls, opts = {}) {
  const warnings = /* @__PURE__ */ new Set();
  const clients = /* @__PURE__ */ new Map();
  for (const call of calls) {
    const target = targetOf(call, opts.asService === true, warnings);
    if (target === void 0) continue;
    const path9 = opts.pathOf ? opts.pathOf(call) : call.path;
    const refused = path9 === null ? null : validatePathPattern(path9);
    if (refused !== null) {
      warnings.add(
        `${call.client.name} -> ${target.name}: path ${JSON.stringify(path9)} is left out: Istio refuses it in an AuthorizationPolicy (${refused}); declare the call by hand`
      );
      continue;
    }
    const clientKey2 = `${call.client.namespace}/${call.client.name}`;
    let entry = clients.get(clientKey2);
    if (!entry) {
      entry = { client: { ...call.client }, targets: /* @__PURE__ */ new Map() };
      clients.set(clientKey2, entry);
    }
    if (!entry.client.kind && call.client.kind) entry.client.kind = call.client.kind;
    const targetKey = `${target.type} ${target.name} ${target.kind ?? ""}`;
    let draft = entry.targets.get(targetKey);
    if (!draft) {
      draft = { target, methodsByPath: /* @__PURE__ */ new Map(), allowAll: false };
      entry.targets.set(targetKey, draft);
    }
    addCall(draft, call, path9, warnings);
  }
  for (const { client, targets } of clients.values()) {
    for (const { target, patterned } of targets.values()) {
      if (patterned === void 0) continue;
      warnings.add(
        `${client.name} -> ${target.name}: ${patterned.count} called path(s) hold "*", "{" or "}" (e.g. ${JSON.stringify(patterned.example)}), which Istio reads as a wildcard or template: their rules allow more than the paths called, or never match`
      );
    }
  }
  const intents = [...clients.values()].sort((a, b) => compare(a.client.namespace, b.client.namespace) || compare(a.client.name, b.client.name)).map(({ client, targets }) => ({
    client,
    targets: [...targets.values()].map(finishTarget).sort((a, b) => compare(a.name, b.name) || compare(a.type, b.type))
  }));
  return { intents, warnings: [...warnings] };
}
function targetOf(call, asService, warnings) {
  const { client, server } = call;
  if (asService && server.service) {
    const name2 = operatorTargetName(server.service, client.namespace);
    const why2 = undeclarableReason(client, server.service);
    if (name2 !== void 0 && why2 === void 0) return { type: "service", name: name2 };
  } else if (asService) {
    warnings.add(`no Service known for ${server.namespace}/${server.name}: written as a kubernetes target`);
  }
  const name = operatorTargetName(server, client.namespace);
  const why = undeclarableReason(client, server);
  if (name === void 0 || why !== void 0) {
    warnings.add(why ?? `${client.namespace}/${client.name}: no target name for ${server.name}`);
    return void 0;
  }
  return server.kind ? { type: "kubernetes", name, kind: server.kind } : { type: "kubernetes", name };
}
function addCall(draft, call, path9, warnings) {
  if (call.method !== null && path9 !== null && !INTENT_METHODS.includes(call.method)) {
    warnings.add(
      `${call.client.name} -> ${draft.target.name}: method ${call.method} cannot be declared; the target allows every method`
    );
    draft.allowAll = true;
    return;
  }
  if (call.method === null || path9 === null) {
    draft.allowAll = true;
    return;
  }
  let methods = draft.methodsByPath.get(path9);
  if (!methods) {
    methods = /* @__PURE__ */ new Set();
    draft.methodsByPath.set(path9, methods);
    if (call.path !== null && readAsPattern(call.path)) {
      if (draft.patterned === void 0) draft.patterned = { example: call.path, count: 1 };
      else draft.patterned.count++;
    }
  }
  methods.add(call.method);
}
function finishTarget(draft) {
  const http = draft.allowAll ? null : [...draft.methodsByPath].sort(([a], [b]) => compare(a, b)).map(([path9, methods]) => ({ path: path9, methods: [...methods].sort(compare) }));
  return { ...draft.target, http };
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/declare/edit-intents-homes.ts
var ClientHomes = class {
  byClient = /* @__PURE__ */ new Map();
  inFile = /* @__PURE__ */ new Map();
  open;
  defaultNamespace;
  leftAlone;
  constructor(declared, open, leftAlone = () => void 0) {
    this.open = open;
    this.leftAlone = leftAlone;
    this.defaultNamespace = declared.defaultNamespace || void 0;
    for (const d of declared.documents) {
      const key = clientKey(d.client);
      const list = this.byClient.get(key);
      if (list) list.push(d);
      else this.byClient.set(key, [d]);
    }
  }
  /** The JSON file that declares the client, if one does (JSON intents are not edited). */
  jsonFile(client) {
    return this.byClient.get(clientKey(client))?.find((d) => isJsonFile(d.file))?.file;
  }
  /** A file declaring the client that the editor leaves alone, and why (`UTF-16`), if one does. */
  leftAloneFile(client) {
    for (const d of this.byClient.get(clientKey(client)) ?? []) {
      const why = this.leftAlone(d.file);
      if (why !== void 0) return { file: d.file, why };
    }
    return void 0;
  }
  /** Where the client's first ClientIntents was read (`file:line`), if it has any. */
  declaredAt(client) {
    const first = this.byClient.get(clientKey(client))?.[0];
    return first && `${first.file}:${first.line}`;
  }
  /**
   * The client's ClientIntents in the files of its declared documents (`preferFile` first): the
   * first whose namespace is the client's and whose workload kind agrees. A note instead when
   * none is, and one there names no namespace while the load gave no default: whose it is is not
   * guessed.
   */
  find(client, preferFile) {
    const candidates = [...this.byClient.get(clientKey(client)) ?? []];
    candidates.sort((a, b) => Number(b.file === preferFile) - Number(a.file === preferFile));
    let unknown;
    for (const candidate of candidates) {
      const entry = this.open(candidate.file);
      if (entry === void 0) continue;
      const named = (this.documentsOf(entry).get(client.name) ?? []).filter(
        (d) => kindsAgree(d.kind, client.kind)
      );
      const mine = named.filter((d) => d.namespace === client.namespace);
      const found = mine.length > 1 ? mine.find((d) => lineOf2(entry.text, d.node) === candidate.line) ?? mine[0] : mine[0];
      if (found !== void 0)
        return {
          file: candidate.file,
          index: found.index,
          doc: entry.docs[found.index],
          node: found.node,
          apiVersion: found.apiVersion
        };
      if (named.some((d) => d.namespace === void 0)) unknown ??= candidate.file;
    }
    return unknown === void 0 ? void 0 : {
      note: `${client.name}: a ClientIntents for it in ${unknown} has no metadata.namespace and no default namespace was given (--default-namespace, or -n with one namespace), so whose it is is not known; edit it by hand`
    };
  }
  /**
   * A parsed file's ClientIntents by client name, in document order: whole documents, and the
   * items of lists as kubectl applies them (a `kind: List` as `kubectl get -o yaml` writes several
   * objects, a `ClientIntentsList` whose items name no kind; kubectl-list.ts).
   */
  documentsOf(entry) {
    let index = this.inFile.get(entry);
    if (index === void 0) {
      const found = /* @__PURE__ */ new Map();
      const add = (node, i, top, inherited) => {
        if (!isMap(node)) return;
        const items = node.get("items", true);
        if (top && node.has("items")) {
          const given = listItemType(node);
          if (isSeq(items)) for (const item of items.items) add(item, i, false, given);
          return;
        }
        if (isSeq(items)) return;
        const type = nodeType(node, inherited);
        if (type.kind !== "ClientIntents") return;
        const name = node.getIn(["spec", "workload", "name"]) ?? node.getIn(["spec", "service", "name"]);
        if (typeof name !== "string") return;
        const list = found.get(name) ?? [];
        const written = node.getIn(["metadata", "namespace"]);
        const namespace = written === void 0 || written === null || written === "" ? this.defaultNamespace : written;
        const kind = node.getIn(["spec", "workload", "kind"]) ?? node.getIn(["spec", "service", "kind"]);
        list.push({
          index: i,
          node,
          namespace,
          kind: typeof kind === "string" && kind !== "" ? kind : void 0,
          apiVersion: type.apiVersion
        });
        found.set(name, list);
      };
      entry.docs.forEach((doc, i) => {
        add(doc.contents, i, true);
      });
      index = found;
      this.inFile.set(entry, index);
    }
    return index;
  }
};
function lineOf2(text3, node) {
  const start = node.range?.[0];
  if (start === void 0) return void 0;
  let line = 1;
  for (let i = text3.indexOf("\n"); i !== -1 && i < start; i = text3.indexOf("\n", i + 1)) line++;
  return line;
}
function sharesNodes(node) {
  let shared = false;
  visit(node, (_key, n) => {
    if (isAlias(n) || isNode(n) && n.anchor !== void 0) {
      shared = true;
      return visit.BREAK;
    }
    return void 0;
  });
  return shared;
}
function sharedNote(client, file) {
  return `${client}: its ClientIntents (${file}) use YAML anchors or aliases, so an edit there could change other rules too; edit them by hand`;
}
function isJsonFile(file) {
  return /\.json$/i.test(file);
}
function clientKey(client) {
  return `${client.namespace}/${client.name}`;
}
function nodeType(node, inherited) {
  const kind = node.get("kind");
  const apiVersion = node.get("apiVersion");
  const type = {
    kind: typeof kind === "string" ? kind : "",
    apiVersion: typeof apiVersion === "string" ? apiVersion : ""
  };
  return inherited !== void 0 && type.kind === "" && type.apiVersion === "" ? inherited : type;
}
function listItemType(list) {
  const own = nodeType(list);
  return { ...own, kind: own.kind.endsWith("List") ? own.kind.slice(0, -"List".length) : own.kind };
}

// src/declare/edit-intents-layout.ts
import path6 from "node:path";

// src/declare/export-intents.ts
var DEFAULT_EXPORT_API_VERSION = `${INTENTS_GROUP}/v2beta1`;
function resolveExportApiVersion(choice = DEFAULT_EXPORT_API_VERSION) {
  const shorthand = { v1: "v1alpha3", v2: "v2beta1" };
  const bare = choice.startsWith(`${INTENTS_GROUP}/`) ? choice.slice(INTENTS_GROUP.length + 1) : choice;
  const version = shorthand[bare] ?? bare;
  if (!INTENTS_VERSIONS.includes(version)) {
    throw new InputError(
      `unknown ClientIntents API version "${choice}" (known: ${INTENTS_VERSIONS.join(", ")})`
    );
  }
  return `${INTENTS_GROUP}/${version}`;
}
function clientIntentsManifest(intents, apiVersion) {
  const { client, targets } = intents;
  const version = apiVersion.slice(INTENTS_GROUP.length + 1);
  const spec = version.startsWith("v2") ? { workload: withKind({ name: client.name }, client.kind), targets: targets.map(v2Target) } : {
    service: withKind({ name: client.name }, version === "v1alpha2" ? void 0 : client.kind),
    calls: targets.map((t) => v1Call(t, version))
  };
  return {
    apiVersion,
    kind: "ClientIntents",
    metadata: { name: client.name, namespace: client.namespace },
    spec
  };
}
function withKind(base, kind) {
  return kind ? { ...base, kind } : base;
}
function v2Target(target) {
  const body = target.type === "kubernetes" ? withKind({ name: target.name }, target.kind) : { name: target.name };
  if (target.http) body.http = target.http.map((rule) => ({ path: rule.path, methods: rule.methods }));
  return { [target.type]: body };
}
function v1Call(target, version) {
  const isService = target.type === "service";
  const call = { name: isService ? `svc:${target.name}` : target.name };
  if (!isService && version !== "v1alpha2" && target.kind) call.kind = target.kind;
  if (target.http) {
    call.type = "http";
    call[version === "v1alpha2" ? "resources" : "HTTPResources"] = target.http.map((rule) => ({
      path: rule.path,
      methods: rule.methods
    }));
  }
  return call;
}
function toYamlDocuments(manifests) {
  return manifests.map((m) => yamlDocumentText(m, { indent: 2, lineWidth: 0, minContentWidth: 0 })).join("---\n");
}
function toJsonArray(manifests) {
  const objects = manifests.map(({ apiVersion, kind, metadata, spec }) => ({
    kind,
    apiVersion,
    metadata: { ...metadata, creationTimestamp: null },
    spec,
    status: emptyStatus(String(apiVersion))
  }));
  return `${jsonWithEscapes(JSON.stringify(objects, null, 2))}
`;
}
function emptyStatus(apiVersion) {
  return apiVersion.endsWith("/v1alpha2") ? {} : { upToDate: false, observedGeneration: 0 };
}
function renderIntentsFile(intents, opts = {}) {
  const apiVersion = resolveExportApiVersion(opts.apiVersion);
  const manifests = intents.map((i) => clientIntentsManifest(i, apiVersion));
  return opts.format === "json" ? toJsonArray(manifests) : toYamlDocuments(manifests);
}
function renderIntentsDir(intents, opts = {}) {
  const extension = opts.format === "json" ? "json" : "yaml";
  const files = {};
  for (const one of intents) {
    files[`${one.client.name}.${one.client.namespace}.${extension}`] = renderIntentsFile([one], opts);
  }
  return files;
}

// src/declare/edit-intents-layout.ts
function newIntentsFiles(intents, declared, sources) {
  const apiVersion = mostCommon(declared.documents.map((d) => d.apiVersion)) ?? DEFAULT_EXPORT_API_VERSION;
  const edits = /* @__PURE__ */ new Map();
  const skipped = [];
  for (const one of intents) {
    const text3 = toYamlDocuments([clientIntentsManifest(one, apiVersion)]);
    const file = fileFor(one, declared, sources);
    if (file === void 0) {
      const who = `${showControlChars(one.client.namespace)}/${showControlChars(one.client.name)}`;
      skipped.push(`${who}: its name would make a file outside the intents folder; no new intents file`);
      continue;
    }
    if (sources.has(file) && sources.get(file) === void 0) {
      const why = sources.leftAlone?.(file) ?? "an intents file the editor cannot read";
      skipped.push(`${showControlChars(one.client.name)}: ${file} is ${why}; add its ClientIntents by hand`);
      continue;
    }
    const current = edits.get(file) ?? {
      file,
      before: sources.get(file) ?? null,
      after: sources.get(file) ?? ""
    };
    current.after = current.after === "" ? text3 : `${withNewline(current.after)}---
${text3}`;
    edits.set(file, current);
  }
  return { edits: [...edits.values()], skipped };
}
function fileFor(one, declared, sources) {
  const yamlDocuments = declared.documents.filter((d) => !/\.json$/i.test(d.file));
  const files = yamlDocuments.map((d) => d.file);
  const distinct = [...new Set(files)];
  if (distinct.length === 1 && files.length > 1) return distinct[0];
  const directory = mostCommon(distinct.map((f) => path6.posix.dirname(f))) ?? mostCommon(declared.documents.map((d) => path6.posix.dirname(d.file))) ?? "intents";
  const extension = mostCommon(distinct.map((f) => path6.posix.extname(f))) ?? ".yaml";
  const { name, namespace } = one.client;
  const withNamespace = distinct.length > 0 && yamlDocuments.every(
    (d) => path6.posix.basename(d.file).startsWith(`${d.client.name}.${d.client.namespace}.`)
  );
  const shortName = `${name}${extension}`;
  const longName = `${name}.${namespace}${extension}`;
  const short = path6.posix.join(directory, shortName);
  const chosen = withNamespace || sources.has(short) || files.includes(short) ? longName : shortName;
  if (!isPlainFileName(chosen)) return void 0;
  const file = path6.posix.join(directory, chosen);
  return isInsideDirectory(file, directory) ? file : void 0;
}
function mostCommon(values) {
  const counts = /* @__PURE__ */ new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best;
  for (const [value, count2] of counts) if (best === void 0 || count2 > counts.get(best)) best = value;
  return best;
}
function withNewline(text3) {
  return text3.endsWith("\n") ? text3 : `${text3}
`;
}

// src/declare/edit-intents-print.ts
var PRINT = { lineWidth: 0, flowCollectionPadding: false };
function printEditedFile(entry) {
  const inFile = indentationIn(entry.text);
  let out = "";
  let start = 0;
  entry.docs.forEach((doc, i) => {
    const end = doc.range[2];
    const text3 = entry.text.slice(start, end);
    if (entry.changed.has(i)) {
      quoteNewScalarsForKubectl(doc);
      const own = doc.comment;
      const after = i === entry.docs.length - 1 ? commentAfterEnd(entry.text.slice(end)) : "";
      if (after !== "" && own?.endsWith(after))
        doc.comment = own.slice(0, -after.length).replace(/\n+$/, "") || null;
      try {
        out += itemsOrNothing(doc, entry, start, text3, inFile) ?? doc.toString({ ...PRINT, ...style(text3, inFile) });
      } finally {
        doc.comment = own;
      }
    } else out += text3;
    start = end;
  });
  return out + entry.text.slice(start);
}
function commentAfterEnd(tail) {
  const lines = tail.trim().split("\n");
  if (!lines.every((line) => line.trim() === "" || line.trimStart().startsWith("#"))) return "";
  return lines.map((line) => line.trim() === "" ? "" : line.trim().slice(1)).join("\n");
}
function itemsOrNothing(...args) {
  try {
    return printedItems(...args);
  } catch {
    return void 0;
  }
}
function printedItems(doc, entry, docStart, docText, inFile) {
  const root = doc.contents;
  if (!isMap(root)) return void 0;
  const items = root.get("items", true);
  if (!isSeq(items)) return void 0;
  const changed = items.items.filter((item) => entry.changedNodes.has(item));
  if (changed.length === 0) return void 0;
  let out = "";
  let from = 0;
  for (const item of changed) {
    if (item.range === void 0 || item.range === null) return void 0;
    const [s, , e] = item.range;
    const at = s - docStart;
    const column = at - (docText.lastIndexOf("\n", at - 1) + 1);
    const own = dedent(docText.slice(at, e - docStart), column);
    let printed = printAlone(item, style(own, inFile));
    if (!own.endsWith("\n")) printed = printed.replace(/\n$/, "");
    const text3 = indentAfterFirst(printed, column);
    const lead = docText.slice(at - column, at);
    if (!/^ *- +$/.test(lead) || !readsAs(`${lead}${text3}`, item.toJS(doc))) return void 0;
    out += docText.slice(from, at) + text3;
    from = e - docStart;
  }
  return out + docText.slice(from);
}
function printAlone(item, indentation) {
  const { commentBefore, spaceBefore } = item;
  item.commentBefore = void 0;
  item.spaceBefore = false;
  try {
    return new Document(item, YAML_1_1_SAFE).toString({ ...PRINT, ...indentation });
  } finally {
    item.commentBefore = commentBefore;
    item.spaceBefore = spaceBefore;
  }
}
function readsAs(text3, value) {
  const read = parseDocument(text3, { uniqueKeys: false });
  return read.errors.length === 0 && sameData(read.toJS(), [value]);
}
function sameData(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
function dedent(text3, column) {
  const pad = " ".repeat(column);
  return text3.split("\n").map((line, i) => i > 0 && line.startsWith(pad) ? line.slice(column) : line).join("\n");
}
function indentAfterFirst(text3, column) {
  const pad = " ".repeat(column);
  return text3.split("\n").map((line, i) => i > 0 && line !== "" ? pad + line : line).join("\n");
}
function style(text3, inFile) {
  const own = indentationIn(text3);
  return { indent: own.indent ?? inFile.indent ?? 2, indentSeq: own.indentSeq ?? inFile.indentSeq ?? true };
}
function indentationIn(text3) {
  const nested2 = text3.match(/^[^\s#-][^\n]*:\s*\n( +)\S/m);
  const flat = text3.match(/^( *)[^\s#-][^\n]*:\s*\n\1- /gm)?.length ?? 0;
  const indented = text3.match(/^( *)[^\s#-][^\n]*:\s*\n\1 +- /gm)?.length ?? 0;
  const found = {};
  if (nested2?.[1] !== void 0) found.indent = nested2[1].length;
  if (flat + indented > 0) found.indentSeq = indented > flat;
  return found;
}
function withConventionsOf(before2, after) {
  const crlf = before2.includes("\r\n") && !/(?:^|[^\r])\n/.test(before2);
  const text3 = crlf ? after.replace(/\r?\n/g, "\r\n") : after;
  return before2.startsWith("\uFEFF") && !text3.startsWith("\uFEFF") ? `\uFEFF${text3}` : text3;
}

// src/declare/edit-intents-targets.ts
function findTarget(list, server, type, client) {
  if (type !== "kubernetes" && type !== "service") return void 0;
  for (const item of list.seq.items) {
    if (!isMap(item)) continue;
    const found = writtenTarget(list, item);
    if (!found || found.type !== type || !kindsAgree(found.kind, server.kind)) continue;
    const [name, namespace = client.namespace] = found.name.split(".");
    if (name === server.name && namespace === server.namespace) {
      return { item, body: found.body, writtenName: String(found.body.get("name")) };
    }
  }
  return void 0;
}
function sharesPolicy(list, server, client) {
  const key = policyKey({ client, server, targetType: "kubernetes" });
  return list.seq.items.some((item) => {
    if (!isMap(item)) return false;
    const found = writtenTarget(list, item);
    if (!found) return false;
    const [name = "", namespace = client.namespace] = found.name.split(".");
    const written = found.kind === void 0 ? { name, namespace } : { name, namespace, kind: found.kind };
    return policyKey({ client, server: written, targetType: found.type }) === key;
  });
}
function writtenTarget(list, item) {
  const found = list.v2 ? v2Target2(item) : v1Call2(item);
  if (found === void 0 || found.type !== "kubernetes") return found;
  const kind = found.body.get("kind");
  return typeof kind === "string" && kind !== "" ? { ...found, kind } : found;
}
function v2Target2(item) {
  for (const key of ["kubernetes", "service"]) {
    const body = item.get(key, true);
    if (!isMap(body)) continue;
    const isService = key === "service" || body.get("kind") === "Service";
    return { type: isService ? "service" : "kubernetes", name: String(body.get("name") ?? ""), body };
  }
  return void 0;
}
function v1Call2(item) {
  const type = item.get("type");
  if (type !== void 0 && type !== null && type !== "http") return void 0;
  const raw = String(item.get("name") ?? "");
  const isService = raw.startsWith("svc:") || item.get("kind") === "Service";
  return { type: isService ? "service" : "kubernetes", name: raw.replace(/^svc:/, ""), body: item };
}
function rulesOf(list, match) {
  const rules = match.body.get(list.v2 ? "http" : list.resourcesKey, true);
  return isSeq(rules) && rules.items.length > 0 ? rules : void 0;
}
function methodsOf(rule) {
  if (!isMap(rule)) return void 0;
  const methods = rule.get("methods", true);
  return isSeq(methods) ? methods : void 0;
}
function allowsAnyMethod(rule) {
  return methodsOf(rule)?.items.length === 0;
}
function ruleNode(doc, path9, method, flow) {
  const node = doc.createNode({ path: path9, methods: [method] });
  const methods = node.get("methods", true);
  if (flow && isSeq(methods)) methods.flow = true;
  return node;
}
var rulesByPathOf = /* @__PURE__ */ new WeakMap();
function rulesByPath(rules) {
  let byPath = rulesByPathOf.get(rules);
  if (byPath === void 0) {
    byPath = /* @__PURE__ */ new Map();
    for (const rule of rules.items) {
      if (!isMap(rule)) continue;
      const path9 = rule.get("path");
      if (!byPath.has(path9) || allowsAnyMethod(rule) && !allowsAnyMethod(byPath.get(path9)))
        byPath.set(path9, rule);
    }
    rulesByPathOf.set(rules, byPath);
  }
  return byPath;
}
function addCallToTarget(doc, list, match, method, path9, flow) {
  const rules = rulesOf(list, match);
  if (!rules) return false;
  const byPath = rulesByPath(rules);
  const methods = methodsOf(byPath.get(path9));
  if (!methods) {
    const node = ruleNode(doc, path9, method, flow);
    rules.items.push(node);
    if (!byPath.has(path9)) byPath.set(path9, node);
    return true;
  }
  if (methods.items.length === 0 || methods.items.some((m) => isScalar(m) && m.value === method))
    return false;
  methods.items.push(doc.createNode(method));
  return true;
}
function newTargetNode(doc, list, call, name, flow) {
  const path9 = call.suggestedPath ?? call.path;
  const kind = call.server.kind;
  const rules = call.method !== null && path9 !== null ? [ruleNode(doc, path9, call.method, flow)] : void 0;
  if (list.v2) {
    const body = doc.createNode(kind ? { name, kind } : { name });
    if (rules) body.set("http", doc.createNode(rules));
    return doc.createNode({ kubernetes: body });
  }
  const item = doc.createNode(
    kind && list.resourcesKey !== "resources" ? { name, kind } : { name }
  );
  if (rules) {
    item.set("type", "http");
    item.set(list.resourcesKey, doc.createNode(rules));
  }
  return item;
}
function removeRuleFromTarget(list, match, rule) {
  const dropTarget = () => {
    list.seq.items.splice(list.seq.items.indexOf(match.item), 1);
    return true;
  };
  if (rule.path === null) return dropTarget();
  const rules = rulesOf(list, match);
  if (!rules) return false;
  const isMethod = (m) => isScalar(m) && m.value === rule.method;
  const ruleIndex = rules.items.findIndex(
    (r) => isMap(r) && r.get("path") === rule.path && (rule.method === null ? allowsAnyMethod(r) : methodsOf(r)?.items.some(isMethod) === true)
  );
  const methods = methodsOf(rules.items[ruleIndex]);
  if (!methods) return false;
  if (rule.method !== null) methods.items.splice(methods.items.findIndex(isMethod), 1);
  if (methods.items.length > 0) return true;
  rules.items.splice(ruleIndex, 1);
  return rules.items.length > 0 ? true : dropTarget();
}

// src/declare/edit-intents.ts
function editIntents(sources, declared, request) {
  const parsed = /* @__PURE__ */ new Map();
  const open = (file) => {
    const cached = parsed.get(file);
    if (cached) return cached;
    const text3 = sources.get(file);
    if (text3 === void 0) return void 0;
    const entry = {
      text: text3,
      docs: parseAllDocuments(text3, { uniqueKeys: false, ...YAML_1_1_SAFE }),
      changed: /* @__PURE__ */ new Set(),
      changedNodes: /* @__PURE__ */ new Set()
    };
    parsed.set(file, entry);
    return entry;
  };
  const result = { files: [], changes: [], skipped: [] };
  const homes = new ClientHomes(declared, open, (file) => sources.leftAlone?.(file));
  const homeless = addToHomes(request.missing, homes, open, result);
  removeStale(request.stale, homes, open, result);
  for (const [file, entry] of parsed) {
    if (entry.changed.size > 0)
      result.files.push({ file, before: entry.text, after: printEditedFile(entry) });
  }
  if (homeless.length > 0) addNewDocuments(homeless, sources, declared, result);
  for (const f of result.files) if (f.before !== null) f.after = withConventionsOf(f.before, f.after);
  result.files.sort((a, b) => a.file.localeCompare(b.file));
  result.skipped = [...new Set(result.skipped)];
  return result;
}
function markChanged(entry, index, node) {
  entry?.changed.add(index);
  entry?.changedNodes.add(node);
}
function skipReason(call, jsonFile) {
  const undeclarable = undeclarableReason(call.client, call.server);
  if (undeclarable !== void 0) return undeclarable;
  const suspect = [call.method, call.path].find((v) => v !== null && hasUnsafeChars(v));
  if (suspect !== void 0) {
    return `${call.client.name}: ${showControlChars(suspect)} holds control, bidi or zero-width characters; declare it by hand if it is real`;
  }
  const path9 = call.suggestedPath ?? call.path;
  const refused = path9 === null ? null : validatePathPattern(path9);
  if (refused !== null) {
    return `${call.client.name}: path ${showControlChars(JSON.stringify(path9))} is left out: Istio refuses it in an AuthorizationPolicy (${refused}); declare the call by hand`;
  }
  if (call.method !== null && !INTENT_METHODS.includes(call.method)) {
    return `${call.client.name} \u2192 ${call.server.name}: method ${showControlChars(JSON.stringify(call.method))} cannot be declared (ClientIntents take ${INTENT_METHODS.join(", ")}; Istio matches methods case-sensitively); only a target without http, or an http rule with methods: [] for the path, allows it: declare that by hand if the call is meant`;
  }
  const json = jsonFile(call.client);
  if (json !== void 0)
    return `${call.client.name}: its ClientIntents are JSON (${json}); edit them by hand`;
  return void 0;
}
function addToHomes(missing, homes, open, result) {
  const homeless = [];
  for (const call of missing) {
    const skipped = skipReason(call, (client) => homes.jsonFile(client));
    if (skipped !== void 0) {
      result.skipped.push(skipped);
      continue;
    }
    const home = homes.find(call.client);
    if (home !== void 0 && "note" in home) {
      result.skipped.push(home.note);
      continue;
    }
    if (home === void 0) {
      const declaredAt = homes.declaredAt(call.client);
      if (declaredAt !== void 0) {
        result.skipped.push(
          leftAloneNote(homes, call.client) ?? `${call.client.name}: its ClientIntents (${declaredAt}) are not where the editor can change them; edit them by hand`
        );
      } else homeless.push(call);
      continue;
    }
    const { file, index, doc, node, apiVersion } = home;
    if (sharesNodes(node)) {
      result.skipped.push(sharedNote(call.client.name, file));
      continue;
    }
    const outcome = addCall2(doc, node, apiVersion, call);
    if (outcome.skipped) result.skipped.push(outcome.skipped);
    if (outcome.change) {
      markChanged(open(file), index, node);
      result.changes.push({ ...outcome.change, file });
    }
  }
  return homeless;
}
function removeStale(stale, homes, open, result) {
  for (const rule of stale) {
    if (isJsonFile(rule.file)) {
      result.skipped.push(
        `${rule.client.name}: its ClientIntents are JSON (${rule.file}); edit them by hand`
      );
      continue;
    }
    const home = homes.find(rule.client, rule.file);
    if (home === void 0) {
      const alone = leftAloneNote(homes, rule.client);
      if (alone !== void 0) result.skipped.push(alone);
      continue;
    }
    if ("note" in home) {
      result.skipped.push(home.note);
      continue;
    }
    if (sharesNodes(home.node)) {
      result.skipped.push(sharedNote(rule.client.name, home.file));
      continue;
    }
    const targets = targetList(home.node, home.apiVersion);
    const match = targets && findTarget(targets, rule.server, rule.targetType, rule.client);
    if (!targets || !match) continue;
    if (removeRuleFromTarget(targets, match, rule)) {
      markChanged(open(home.file), home.index, home.node);
      result.changes.push({
        action: "remove",
        client: rule.client,
        server: match.writtenName,
        method: rule.method,
        path: rule.path,
        file: home.file
      });
    }
  }
}
function leftAloneNote(homes, client) {
  const alone = homes.leftAloneFile(client);
  return alone && `${client.name}: its ClientIntents are ${alone.why} (${alone.file}); edit them by hand`;
}
function addNewDocuments(homeless, sources, declared, result) {
  const edited = new Map(result.files.map((f) => [f.file, f.after]));
  const current = {
    has: (file) => edited.has(file) || sources.has(file),
    get: (file) => edited.get(file) ?? sources.get(file),
    leftAlone: (file) => sources.leftAlone?.(file)
  };
  const { intents, warnings } = buildClientIntents(homeless, {
    pathOf: (c) => c.suggestedPath ?? c.path
  });
  const created = newIntentsFiles(intents, declared, current);
  for (const note of [...warnings, ...created.skipped]) result.skipped.push(note);
  for (const edit of created.edits) {
    const existing = result.files.find((f) => f.file === edit.file);
    if (existing) existing.after = edit.after;
    else result.files.push({ ...edit, before: sources.get(edit.file) ?? null });
  }
  for (const call of homeless) {
    const file = newIntentsFiles(buildClientIntents([call]).intents, declared, current).edits[0]?.file;
    if (file !== void 0) result.changes.push({ action: "add", ...describeCall(call), file });
  }
}
function describeCall(call) {
  return {
    client: call.client,
    server: writtenServerName(call),
    method: call.method,
    path: call.suggestedPath ?? call.path
  };
}
function writtenServerName(call) {
  return operatorTargetName(call.server, call.client.namespace) ?? call.server.name;
}
function addCall2(doc, node, apiVersion, call) {
  const targets = targetList(node, apiVersion);
  if (!targets) return { skipped: `${call.client.name}: no spec.targets or spec.calls list to add to` };
  const path9 = call.suggestedPath ?? call.path;
  const serverNames = [call.server, ...call.server.service ? [call.server.service] : []];
  const match = findTarget(targets, call.server, "kubernetes", call.client) ?? (call.server.service && findTarget(targets, call.server.service, "service", call.client));
  if (!match) {
    if (sharesPolicy(targets, call.server, call.client)) {
      return {
        skipped: `${call.client.name} \u2192 ${writtenServerName(call)}: a new target would become the same AuthorizationPolicy as a target the file has (only one's rules would be in force); declare it by hand`
      };
    }
    const flow = prefersFlowMethods(targets.seq);
    targets.seq.items.push(newTargetNode(doc, targets, call, writtenServerName(call), flow));
    return { change: { action: "add", ...describeCall(call) } };
  }
  if (call.method === null || path9 === null) {
    const names = serverNames.map((s) => s.name).join("/");
    const what = call.protocol === "tcp" ? "TCP connections, which a target with HTTP rules never allows; declare it without http by hand if they are meant" : "calls without HTTP detail; the target has HTTP rules";
    return { skipped: `${call.client.name} \u2192 ${names}: ${what}` };
  }
  const added = addCallToTarget(doc, targets, match, call.method, path9, prefersFlowMethods(targets.seq));
  return added ? { change: { action: "add", ...describeCall(call), server: match.writtenName } } : {};
}
function targetList(node, apiVersion) {
  const v2 = /\/v2/.test(apiVersion);
  const seq2 = node.getIn(["spec", v2 ? "targets" : "calls"], true);
  if (!isSeq(seq2)) return void 0;
  return { seq: seq2, v2, resourcesKey: apiVersion.endsWith("v1alpha2") ? "resources" : "HTTPResources" };
}
var flowPreferenceOf = /* @__PURE__ */ new WeakMap();
function prefersFlowMethods(targets) {
  const known = flowPreferenceOf.get(targets);
  if (known !== void 0) return known;
  let flow = false;
  const visit3 = (node) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.value === "methods" && isSeq(pair.value))
          flow ||= !!pair.value.flow && pair.value.items.length > 0;
        else visit3(pair.value);
      }
    } else if (isSeq(node)) node.items.forEach(visit3);
  };
  visit3(targets);
  flowPreferenceOf.set(targets, flow);
  return flow;
}

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options2 = {}) {
    let callback;
    if (typeof options2 === "function") {
      callback = options2;
      options2 = {};
    } else if ("callback" in options2) {
      callback = options2.callback;
    }
    const oldString = this.castInput(oldStr, options2);
    const newString = this.castInput(newStr, options2);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options2));
    const newTokens = this.removeEmpty(this.tokenize(newString, options2));
    return this.diffWithOptionsObj(oldTokens, newTokens, options2, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options2, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options2);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options2.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options2.maxEditLength);
    }
    const maxExecutionTime = (_a = options2.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options2);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options2);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options2);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options2);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path9, added, removed, oldPosInc, options2) {
    const last = path9.lastComponent;
    if (last && !options2.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path9.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path9.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options2) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options2)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options2.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options2.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options2) {
    if (options2.comparator) {
      return options2.comparator(left, right);
    } else {
      return left === right || !!options2.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options2) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options2) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options2) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options2) {
    if (options2.ignoreWhitespace) {
      if (!options2.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options2.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options2.ignoreNewlineAtEof && !options2.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options2);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options2) {
  return lineDiff.diff(oldStr, newStr, options2);
}
function tokenize(value, options2) {
  if (options2.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options2.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
function needsQuoting(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] < " " || s[i] > "~" || s[i] === '"' || s[i] === "\\") {
      return true;
    }
  }
  return false;
}
function quoteFileNameIfNeeded(s) {
  if (!needsQuoting(s)) {
    return s;
  }
  let result = '"';
  const bytes = new TextEncoder().encode(s);
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 7) {
      result += "\\a";
    } else if (b === 8) {
      result += "\\b";
    } else if (b === 9) {
      result += "\\t";
    } else if (b === 10) {
      result += "\\n";
    } else if (b === 11) {
      result += "\\v";
    } else if (b === 12) {
      result += "\\f";
    } else if (b === 13) {
      result += "\\r";
    } else if (b === 34) {
      result += '\\"';
    } else if (b === 92) {
      result += "\\\\";
    } else if (b >= 32 && b <= 126) {
      result += String.fromCharCode(b);
    } else {
      result += "\\" + b.toString(8).padStart(3, "0");
    }
    i++;
  }
  result += '"';
  return result;
}
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
var FILE_HEADERS_ONLY = {
  includeIndex: false,
  includeUnderline: false,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options2) {
  let optionsObj;
  if (!options2) {
    optionsObj = {};
  } else if (typeof options2 === "function") {
    optionsObj = { callback: options2 };
  } else {
    optionsObj = options2;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines2(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch, headerOptions) {
  var _a, _b, _c, _d, _e, _f;
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every((p) => p.isGit)) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (patch.isGit) {
    headerOptions = INCLUDE_HEADERS;
    if (!patch.oldFileName) {
      throw new Error("oldFileName must be specified for Git patches");
    }
    if (!patch.newFileName) {
      throw new Error("newFileName must be specified for Git patches");
    }
    let gitOldName = patch.oldFileName;
    let gitNewName = patch.newFileName;
    if (patch.isCreate && gitOldName === "/dev/null") {
      gitOldName = gitNewName.replace(/^b\//, "a/");
    } else if (patch.isDelete && gitNewName === "/dev/null") {
      gitNewName = gitOldName.replace(/^a\//, "b/");
    }
    ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
    if (patch.isDelete) {
      ret.push("deleted file mode " + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : "100644"));
    }
    if (patch.isCreate) {
      ret.push("new file mode " + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : "100644"));
    }
    if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
      ret.push("old mode " + patch.oldMode);
      ret.push("new mode " + patch.newMode);
    }
    if (patch.isRename) {
      ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
      ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
    }
    if (patch.isCopy) {
      ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
      ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
    }
  } else {
    if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== void 0) {
      ret.push("Index: " + patch.oldFileName);
    }
    if (headerOptions.includeUnderline) {
      ret.push("===================================================================");
    }
  }
  const hasHunks = patch.hunks.length > 0;
  if (headerOptions.includeFileHeaders && patch.oldFileName !== void 0 && patch.newFileName !== void 0 && (!patch.isGit || hasHunks)) {
    ret.push("--- " + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? "	" + patch.oldHeader : ""));
    ret.push("+++ " + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? "	" + patch.newHeader : ""));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    ret.push("@@ -" + oldStart + "," + hunk.oldLines + " +" + newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options2) {
  if (typeof options2 === "function") {
    options2 = { callback: options2 };
  }
  if (!(options2 === null || options2 === void 0 ? void 0 : options2.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options2);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options2 === null || options2 === void 0 ? void 0 : options2.headerOptions);
  } else {
    const { callback } = options2;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options2), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options2.headerOptions));
      }
    } }));
  }
}
function splitLines2(text3) {
  const hasTrailingNl = text3.endsWith("\n");
  const result = text3.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/declare/suggested-patch.ts
function suggestedPatch(changes) {
  return changes.filter((c) => c.before !== c.after).map((c) => {
    const oldName = c.before === null ? "/dev/null" : `a/${c.file}`;
    return createTwoFilesPatch(oldName, `b/${c.file}`, c.before ?? "", c.after, void 0, void 0, {
      context: 3,
      headerOptions: FILE_HEADERS_ONLY
    });
  }).join("");
}

// src/declare/intents-edit-plan.ts
function intentsSourcesOnDisk(cwd, declared) {
  const files = new Set(declared.documents.map((d) => d.file));
  const read = /* @__PURE__ */ new Map();
  const textOf = (file) => {
    if (!files.has(file)) return void 0;
    let text3 = read.get(file);
    if (text3 === void 0) {
      const bytes = readRegularFileBytesSync(path7.resolve(cwd, file), { file, maxBytes: MAX_YAML_BYTES });
      text3 = isUtf16(bytes) ? null : bytes.toString("utf8");
      read.set(file, text3);
    }
    return text3;
  };
  return {
    has: (file) => files.has(file),
    get: (file) => textOf(file) ?? void 0,
    leftAlone: (file) => textOf(file) === null ? "UTF-16, which the editor does not write" : void 0
  };
}
function patchLowerBound(drift, declared, enough = Number.POSITIVE_INFINITY) {
  const homes = /* @__PURE__ */ new Map();
  const json = /* @__PURE__ */ new Map();
  const shared = /* @__PURE__ */ new Set();
  for (const d of declared.documents) {
    const key = clientKey(d.client);
    const documents = homes.get(key);
    if (documents === void 0) homes.set(key, [d]);
    else documents.push(d);
    if (isJsonFile(d.file) && !json.has(key)) json.set(key, d.file);
    if (d.shared) shared.add(key);
  }
  const rules = /* @__PURE__ */ new Set();
  const files = /* @__PURE__ */ new Set();
  let fileChars = 0;
  for (const call of drift.missing) {
    const file = homes.get(clientKey(call.client))?.find((d) => kindsAgree(d.client.kind, call.client.kind))?.file;
    if (call.method === null || call.path === null || file === void 0 || shared.has(clientKey(call.client)))
      continue;
    if (skipReason(call, (client) => json.get(clientKey(client))) !== void 0) continue;
    rules.add(JSON.stringify([call.client, call.server.name, call.method, call.suggestedPath ?? call.path]));
    if (!files.has(file)) {
      files.add(file);
      fileChars += 2 * (file.length + 7) + 12;
    }
    if (rules.size * 9 + fileChars > enough) break;
  }
  return rules.size * 9 + fileChars;
}
function editRequest(drift, pruneStale) {
  return {
    missing: drift.missing,
    // Never the rules of a client the run did not drive (client-idle): the run says nothing
    // about what that client needs.
    stale: pruneStale ? drift.stale.filter((rule) => rule.reason !== "client-idle") : []
  };
}
async function planIntentsEdit(cwd, declared, drift, pruneStale) {
  const edit = editIntents(intentsSourcesOnDisk(cwd, declared), declared, editRequest(drift, pruneStale));
  return { edit, patch: suggestedPatch(edit.files) };
}
var PATCH_OVER_ROOM = /* @__PURE__ */ Symbol("patch over room");
async function patchWithinRoom(cwd, declared, drift, pruneStale, room) {
  const whole = async () => {
    const { patch: patch2, edit } = await planIntentsEdit(cwd, declared, drift, pruneStale);
    return patch2.length > room ? PATCH_OVER_ROOM : { patch: patch2, leftOut: edit.skipped.length };
  };
  const groups = groupByHomeFile(declared, editRequest(drift, pruneStale));
  if (groups === void 0) return whole();
  const sources = intentsSourcesOnDisk(cwd, declared);
  let patch = "";
  const skipped = /* @__PURE__ */ new Set();
  for (const file of [...groups.keys()].sort((a, b) => a.localeCompare(b))) {
    const { request, documents } = groups.get(file);
    const edit = editIntents(sources, { ...declared, documents }, request);
    if (edit.files.some((f) => f.file !== file)) return whole();
    patch += suggestedPatch(edit.files);
    if (patch.length > room) return PATCH_OVER_ROOM;
    for (const note of edit.skipped) skipped.add(note);
  }
  return { patch, leftOut: skipped.size };
}
function groupByHomeFile(declared, request) {
  const documentsOf = /* @__PURE__ */ new Map();
  for (const d of declared.documents) {
    const key = clientKey(d.client);
    const documents = documentsOf.get(key);
    if (documents === void 0) documentsOf.set(key, [d]);
    else documents.push(d);
  }
  const groups = /* @__PURE__ */ new Map();
  const add = (file, key) => {
    let group = groups.get(file);
    if (group === void 0) {
      group = { request: { missing: [], stale: [] }, documents: [], clients: /* @__PURE__ */ new Set() };
      groups.set(file, group);
    }
    if (!group.clients.has(key)) {
      group.clients.add(key);
      group.documents.push(...documentsOf.get(key));
    }
    return group.request;
  };
  for (const call of request.missing) {
    const key = clientKey(call.client);
    const first = documentsOf.get(key)?.[0];
    if (first === void 0) return void 0;
    add(first.file, key).missing.push(call);
  }
  for (const rule of request.stale) {
    const key = clientKey(rule.client);
    const documents = documentsOf.get(key);
    if (documents === void 0) continue;
    const home = documents.some((d) => d.file === rule.file) ? rule.file : documents[0].file;
    add(home, key).stale.push(rule);
  }
  return groups;
}

// src/deliver/ci-reports.ts
import path8 from "node:path";

// src/declare/suggested-rule.ts
function suggestedRule(call, apiVersion = DEFAULT_EXPORT_API_VERSION) {
  if (call.method !== null && !INTENT_METHODS.includes(call.method)) return void 0;
  const path9 = call.suggestedPath ?? call.path;
  const { intents } = buildClientIntents([{ ...call, path: path9 }]);
  const manifest = clientIntentsManifest(intents[0], apiVersion);
  const spec = manifest.spec;
  const under = spec.targets === void 0 ? "spec.calls" : "spec.targets";
  const entries = spec.targets ?? spec.calls ?? [];
  return { under, yaml: yamlDocumentText(entries, { indent: 2, lineWidth: 0, minContentWidth: 0 }) };
}

// src/report/drift-extras.ts
function asControlled(drift) {
  return drift;
}
function splitStale(stale) {
  const order = {
    "path-not-called": 0,
    "server-not-called": 1,
    "client-idle": 2
  };
  const sorted = [...stale].sort((a, b) => order[a.reason] - order[b.reason]);
  return {
    stale: sorted.filter((rule) => rule.reason !== "client-idle"),
    notExercised: sorted.filter((rule) => rule.reason === "client-idle")
  };
}
function ignoredByText(entry) {
  const by = entry.ignoredBy;
  return by === void 0 ? void 0 : `${by.file}:${by.line}`;
}
function wideningOf(call) {
  if (call.suggestedPath === void 0 || call.path === null) return void 0;
  return templateWidening(call.path, call.suggestedPath);
}
function coverageSummary(drift) {
  const coverage = asControlled(drift).coverage;
  if (!coverage || coverage.total.declared === 0) return void 0;
  const { exercised, declared, percent } = coverage.total;
  return `coverage ${percent}% (${exercised} of ${plural(declared, "declared rule")} exercised)`;
}
function controlNotes(drift) {
  const { noise, baseline } = asControlled(drift);
  const notes = [];
  if (noise && noise.calls > 0) {
    notes.push(
      `${plural(noise.calls, "missing call")} (${plural(noise.requests, "request")}) seen fewer than ${noise.minCount} times dropped as noise (minCount).`
    );
  }
  if (baseline && (baseline.missing > 0 || baseline.stale > 0 || baseline.resolved > 0)) {
    let note = `Baseline: ${baseline.missing} missing and ${baseline.stale} stale already accepted, not reported.`;
    if (baseline.resolved > 0) {
      note += ` ${plural(baseline.resolved, "baseline entry", "baseline entries")} no longer seen: refresh with --write-baseline.`;
    }
    notes.push(note);
  }
  return notes;
}
function environmentOf(drift, namespace) {
  return asControlled(drift).environments?.[namespace];
}

// src/report/vocabulary.ts
var MISSING_MEANS = "called, not declared";
var STALE_MEANS = "declared, never called";
var NOT_EXERCISED_MEANS = "the client made no calls in this run";
var STALE_REASON_MEANS = {
  "path-not-called": "the client called this server, never with this method and path",
  "server-not-called": "the client never called this server",
  "client-idle": "the client made no calls at all"
};
var NOT_CHECKED_MEANS = {
  "not-http": "not visible in Istio HTTP metrics",
  "no-http-detail": "called, but the metrics carry no method or path"
};
var NO_HTTP_DETAIL = "no HTTP detail";
var BLOCKED_MEANS = "its server already has intents, so Istio rejects the call once they are enforced";
var OPEN_MEANS = "no intent names its server yet, so the call stays allowed";
var SOURCE_WORDS = {
  metrics: "sidecar metrics from",
  snapshot: "snapshot",
  sidecars: "the sidecars of the kubeconfig's cluster",
  prometheus: "Prometheus at",
  mapper: "Otterize's network mapper"
};
function span(window) {
  const show2 = (iso) => iso.replace("T", " ").replace(/\.\d+/, "").replace(/Z$/, "");
  const from = show2(window.from);
  const to = show2(window.to);
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  return `${from} to ${sameDay ? to.slice(11) : to} UTC`;
}
function observedParts(from) {
  const words = SOURCE_WORDS[from.source] ?? from.source;
  const tails = [];
  if (from.since !== void 0) tails.push(`since ${from.since}`);
  if (from.window !== void 0) tails.push(span(from.window));
  const tail = tails.length > 0 ? tails.join(", ") : void 0;
  const values = from.inputs.map((input) => input === "-" ? "stdin" : input);
  return { text: words, values, ...tail === void 0 ? {} : { tail } };
}

// src/report/ci-findings.ts
var show = showControlChars;
var NO_DETAIL = `(${NO_HTTP_DETAIL})`;
function operation(method, path9, whole = "(any request)") {
  if (method === null && path9 === null) return whole;
  return `${show(method ?? "*")} ${show(path9 ?? "*")}`;
}
function ruleTarget(rule) {
  const name = show(targetName(rule.server, rule.client.namespace));
  return rule.targetType === "kubernetes" ? name : `${rule.targetType} ${name}`;
}
var STALE_DETAIL = {
  "path-not-called": "path-not-called: the client called this server, never with this method and path",
  "server-not-called": "server-not-called: the client was active but never called this server",
  "client-idle": "client-idle: the client made no calls at all in this run, so the rule was not exercised"
};
function ciFindings(drift, opts) {
  const where = (file) => opts.repositoryPath ? opts.repositoryPath(file) : file;
  const { stale, notExercised } = splitStale(drift.stale);
  const findings = missingGroups(drift.missing).map((calls) => missingFinding(calls, opts, where));
  for (const rule of [...stale, ...notExercised]) {
    findings.push({
      kind: rule.reason === "client-idle" ? "not-exercised" : "stale",
      client: rule.client,
      title: `${operation(rule.method, rule.path)} -> ${ruleTarget(rule)}`,
      detail: [`Declared, but no observed call used it (${STALE_DETAIL[rule.reason]}).`],
      location: { file: where(rule.file), line: rule.line },
      outcome: opts.gate.stale(rule),
      identity: ruleIdentity("stale", rule),
      rule
    });
  }
  for (const rule of drift.notChecked.filter((r) => r.why === "no-http-detail")) {
    findings.push({
      kind: "no-http-detail",
      client: rule.client,
      title: `${operation(rule.method, rule.path)} -> ${ruleTarget(rule)}`,
      detail: [
        "The client called this target, but the metrics carry no method or path, so this rule could not be checked."
      ],
      location: { file: where(rule.file), line: rule.line },
      outcome: "pass",
      identity: ruleIdentity("no-http-detail", rule),
      rule
    });
  }
  return findings;
}
function missingGroups(missing) {
  const groups = /* @__PURE__ */ new Map();
  for (const call of missing) {
    const key = JSON.stringify(missingIdentity(call));
    const group = groups.get(key);
    if (group) group.push(call);
    else groups.set(key, [call]);
  }
  return [...groups.values()];
}
function missingIdentity(call) {
  return [
    "missing",
    qualifiedName(call.client),
    qualifiedName(call.server),
    call.method ?? "",
    call.suggestedPath ?? call.path ?? ""
  ];
}
function ruleIdentity(kind, rule) {
  return [
    kind,
    qualifiedName(rule.client),
    rule.targetType,
    qualifiedName(rule.server),
    rule.method ?? "",
    rule.path ?? ""
  ];
}
function missingFinding(calls, opts, where) {
  const first = calls[0];
  const path9 = first.suggestedPath ?? first.path;
  const server = show(targetName(first.server, first.client.namespace));
  const via = first.server.service ? ` via service ${show(targetName(first.server.service, first.client.namespace))}` : "";
  const count2 = calls.reduce((sum, call) => sum + call.count, 0);
  const detail = [
    `Called ${countLabel(count2, first.protocol)}${via}, but no ClientIntents rule of ${show(first.client.name)} allows it.` + (first.wouldBeBlocked ? " The server already has intents, so Istio would block this call once they are enforced." : " Nobody declares this server yet, so enforcement would not block it.")
  ];
  if (first.suggestedPath !== void 0) {
    const seen = calls.map((call) => show(call.path ?? "")).slice(0, 5);
    const more = calls.length > seen.length ? ` and ${calls.length - seen.length} more` : "";
    detail.push(
      `The template ${show(first.suggestedPath)} stands for the paths seen: ${seen.join(", ")}${more}.`
    );
  }
  const home = first.intentsFile ?? opts.fallbackHome?.(first);
  if (first.intentsFile === void 0) {
    detail.push(`${show(qualifiedName(first.client))} has no ClientIntents yet: add a document for it.`);
  }
  const suggestion = opts.suggest?.(first);
  return {
    kind: "missing",
    client: first.client,
    title: `${operation(first.method, path9, NO_DETAIL)} -> ${server}`,
    detail,
    location: home === void 0 ? void 0 : { file: where(home.file), line: home.line },
    outcome: calls.some((call) => opts.gate.missing(call)) ? "fail" : "pass",
    identity: missingIdentity(first),
    ...suggestion === void 0 ? {} : { suggestion }
  };
}

// src/report/xml-text.ts
var MARKUP = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;"
};
var NOT_XML = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;
function xmlText(text3) {
  return showControlChars(text3.replace(NOT_XML, "\uFFFD")).replace(/[&<>"']/g, (c) => MARKUP[c]);
}
function xmlLines(lines) {
  return lines.flatMap((line) => line.split("\n")).map(xmlText).join("\n");
}

// src/report/junit-report.ts
var FINDING_TYPE = {
  missing: "missing-intent",
  stale: "stale-intent",
  "not-exercised": "intent-not-exercised",
  "no-http-detail": "http-detail-missing"
};
var FINDING_MESSAGE = {
  missing: () => "called but not declared",
  stale: (finding) => `declared, never called (${finding.rule?.reason ?? "stale"})`,
  "not-exercised": () => "declared, not exercised: the client made no calls (client-idle)",
  "no-http-detail": () => "not checked: the calls carry no method or path"
};
var NOT_CHECKED = {
  "not-http": "not checked: this target is not visible in Istio HTTP metrics",
  "no-http-detail": "not checked: the calls to this target carry no method or path"
};
function ruleKey(rule) {
  return JSON.stringify([
    rule.file,
    rule.line,
    rule.targetType,
    qualifiedName(rule.server),
    rule.method,
    rule.path
  ]);
}
function ruleName(rule) {
  const name = showControlChars(targetName(rule.server, rule.client.namespace));
  const target = rule.targetType === "kubernetes" ? name : `${rule.targetType} ${name}`;
  return `rule ${operation(rule.method, rule.path)} -> ${target}`;
}
function findingCase(finding) {
  const text3 = [`${finding.title}.`, ...finding.detail];
  if (finding.location !== void 0) {
    const verb = finding.kind === "missing" ? "Declare it in" : "Declared at";
    text3.push(`${verb} ${finding.location.file}:${finding.location.line}.`);
  }
  if (finding.suggestion !== void 0) {
    text3.push(`Suggested entry under ${finding.suggestion.under}:`, finding.suggestion.yaml.trimEnd());
  }
  const kind = finding.outcome === "fail" ? "failure" : "skipped";
  const message = `${FINDING_MESSAGE[finding.kind](finding)}${kind === "skipped" ? " (not failing)" : ""}`;
  return {
    name: finding.kind === "missing" ? `missing ${finding.title}` : `rule ${finding.title}`,
    outcome: { kind, type: FINDING_TYPE[finding.kind], message, text: text3 }
  };
}
function ignoredCallCase(call) {
  const by = ignoredByText(call);
  const server = showControlChars(targetName(call.server, call.client.namespace));
  const message = `ignored by the config${by === void 0 ? "" : ` (${by})`}`;
  return {
    name: `missing ${operation(call.method, call.path, NO_DETAIL)} -> ${server}`,
    outcome: { kind: "skipped", type: "ignored", message, text: [message] }
  };
}
function suitesOf(drift, opts) {
  const where = (file) => opts.repositoryPath ? opts.repositoryPath(file) : file;
  const suites = /* @__PURE__ */ new Map();
  const suiteOf = (client) => {
    const key = `${client.namespace}\0${client.name}`;
    let suite = suites.get(key);
    if (suite === void 0) {
      suite = { client, file: void 0, cases: [] };
      suites.set(key, suite);
    }
    return suite;
  };
  const findings = ciFindings(drift, opts);
  const ruleFinding = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    if (finding.rule !== void 0) ruleFinding.set(ruleKey(finding.rule), finding);
    else suiteOf(finding.client).cases.push(findingCase(finding));
  }
  for (const call of drift.ignored) suiteOf(call.client).cases.push(ignoredCallCase(call));
  const notChecked = new Map(drift.notChecked.map((r) => [ruleKey(r), r]));
  const ignoredStale = new Map((asControlled(drift).ignoredStale ?? []).map((r) => [ruleKey(r), r]));
  const rules = opts.declared ?? [...drift.stale, ...drift.notChecked];
  for (const rule of rules) {
    const suite = suiteOf(rule.client);
    suite.file ??= where(rule.file);
    const key = ruleKey(rule);
    const finding = ruleFinding.get(key);
    if (finding !== void 0) {
      suite.cases.push(findingCase(finding));
      continue;
    }
    const name = ruleName(rule);
    const skipped = notChecked.get(key);
    const ignored = ignoredStale.get(key);
    if (skipped !== void 0) {
      const message = NOT_CHECKED[skipped.why];
      suite.cases.push({ name, outcome: { kind: "skipped", type: "not-checked", message, text: [message] } });
    } else if (ignored !== void 0) {
      const message = `stale, ignored by the config (${ignoredByText(ignored)}): ${STALE_DETAIL[ignored.reason]}`;
      suite.cases.push({ name, outcome: { kind: "skipped", type: "ignored", message, text: [message] } });
    } else {
      suite.cases.push({ name });
    }
  }
  return [...suites.entries()].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, suite]) => suite);
}
function caseXml(suite, test) {
  const classname = `${suite.client.namespace}.${suite.client.name}`;
  const open = `    <testcase name="${xmlText(test.name)}" classname="${xmlText(classname)}" time="0"`;
  if (test.outcome === void 0) return [`${open}/>`];
  const { kind, type, message, text: text3 } = test.outcome;
  return [
    `${open}>`,
    `      <${kind} type="${xmlText(type)}" message="${xmlText(message)}">${xmlLines(text3)}</${kind}>`,
    "    </testcase>"
  ];
}
function renderJunitReport(drift, opts) {
  const suites = suitesOf(drift, opts);
  const count2 = (suite, kind) => suite.cases.filter((c) => kind === void 0 ? true : c.outcome?.kind === kind).length;
  const total = suites.reduce((n, s) => n + count2(s), 0);
  const failures = suites.reduce((n, s) => n + count2(s, "failure"), 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="intent-drift" tests="${total}" failures="${failures}" errors="0" time="0">`
  ];
  for (const suite of suites) {
    const name = `${suite.client.namespace}/${suite.client.name}`;
    const file = suite.file === void 0 ? "" : ` file="${xmlText(suite.file)}"`;
    lines.push(
      `  <testsuite name="${xmlText(name)}" tests="${count2(suite)}" failures="${count2(suite, "failure")}" errors="0" skipped="${count2(suite, "skipped")}" time="0"${file}>`,
      ...suite.cases.flatMap((test) => caseXml(suite, test)),
      "  </testsuite>"
    );
  }
  lines.push("</testsuites>", "");
  return lines.join("\n");
}

// src/report/sarif-report.ts
import { createHash as createHash2 } from "node:crypto";
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var INFORMATION_URI = "https://github.com/intent-drift/intent-drift";
var FINGERPRINT_KEY = "intentDriftFinding/v1";
var RULES = {
  missing: {
    id: "missing-intent",
    name: "MissingIntent",
    short: "A call the workload makes is not declared in its ClientIntents",
    full: "Istio observed this call, but no ClientIntents rule of the client allows it. Once the intents are enforced (an ALLOW AuthorizationPolicy selects the server), the call is denied.",
    help: [
      "Declare the call in the client\u2019s ClientIntents: under the target that names the server, add the path and method (or the suggested Istio template, such as /users/{*}).",
      "`intent-drift check --fix` makes this edit in place, keeping comments; the action\u2019s `open-pr` opens a pull request with it. If the call is not wanted, fix the caller instead."
    ],
    level: "error"
  },
  stale: {
    id: "stale-intent",
    name: "StaleIntent",
    short: "A declared intent no observed call used",
    full: "The ClientIntents allow this method and path, but no call in the observed traffic used it: access nobody needs, or a path the run did not exercise.",
    help: [
      "Remove the rule if the client no longer makes this call (`intent-drift check --fix --prune-stale`), or drive that call in the replay so the check can see it. Accept it on purpose with an ignore rule in .intent-drift.yaml."
    ],
    level: "warning"
  },
  "not-exercised": {
    id: "intent-not-exercised",
    name: "IntentNotExercised",
    short: "A declared intent of a client that made no calls in this run",
    full: "The client made no calls at all while the traffic was recorded, so this rule says nothing about drift: the run did not exercise the client.",
    help: [
      "Drive traffic from this client during the check (the traffic input, or its own workload). Set `clientIdle: fail` in .intent-drift.yaml to fail the gate on such rules."
    ],
    level: "note"
  },
  "no-http-detail": {
    id: "http-detail-missing",
    name: "HttpDetailMissing",
    short: "A declared HTTP rule could not be checked: the metrics carry no method or path",
    full: "The client called this target, but Istio\u2019s metrics for those calls have no request_method or request_path labels, so the HTTP rules cannot be compared.",
    help: [
      "Apply a mesh-wide Telemetry that adds request_method and request_path to istio_requests_total before the workloads start (series created earlier keep their old labels)."
    ],
    level: "note"
  }
};
var KINDS = Object.keys(RULES);
function levelOf(finding) {
  if (finding.outcome === "fail") return "error";
  if (finding.kind === "missing" || finding.kind === "stale") return "warning";
  return finding.outcome === "warn" ? "warning" : "note";
}
function sarifText(text3) {
  return showControlChars(text3).replace(/[\\[\]]/g, (c) => `\\${c}`);
}
function sarifLines(lines) {
  return lines.flatMap((line) => line.split("\n")).map(sarifText).join("\n");
}
function relativeUri(file) {
  return file.split("/").map((segment) => encodeURIComponent(segment)).join("/");
}
function fingerprint(identity) {
  return createHash2("sha256").update(JSON.stringify(identity)).digest("hex");
}
function sarifRule(kind) {
  const rule = RULES[kind];
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.short },
    fullDescription: { text: rule.full },
    help: { text: rule.help.join("\n\n"), markdown: rule.help.join("\n\n") },
    defaultConfiguration: { level: rule.level },
    properties: { tags: ["istio", "otterize", "clientintents"], precision: "high" }
  };
}
function sarifResult(finding) {
  const lines = [`${finding.title}.`, ...finding.detail];
  if (finding.suggestion !== void 0) {
    lines.push(`Suggested entry under ${finding.suggestion.under}:`, finding.suggestion.yaml.trimEnd());
  }
  const result = {
    ruleId: RULES[finding.kind].id,
    ruleIndex: KINDS.indexOf(finding.kind),
    level: levelOf(finding),
    message: { text: sarifLines(lines) }
  };
  if (finding.location !== void 0) {
    const { file, line } = finding.location;
    result.locations = [
      { physicalLocation: { artifactLocation: { uri: relativeUri(file) }, region: { startLine: line } } }
    ];
  }
  result.partialFingerprints = { [FINGERPRINT_KEY]: fingerprint(finding.identity) };
  result.properties = { client: `${finding.client.namespace}/${finding.client.name}` };
  return result;
}
function toSarif(drift, opts) {
  const findings = ciFindings(drift, opts);
  const placed = findings.filter((finding) => finding.location !== void 0);
  const notes = drift.warnings.map(sarifText);
  if (placed.length < findings.length) {
    notes.push(
      `${findings.length - placed.length} finding(s) have no intents file to be shown on (clients without ClientIntents); see the text or JSON report.`
    );
  }
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "intent-drift",
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules: KINDS.map(sarifRule)
          }
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: notes.map((text3) => ({ level: "warning", message: { text: text3 } }))
          }
        ],
        results: placed.map(sarifResult)
      }
    ]
  };
}
function renderSarifReport(drift, opts) {
  return `${JSON.stringify(toSarif(drift, opts), null, 2)}
`;
}

// src/deliver/ci-reports.ts
function ciReportOptions(inputs) {
  const { declared, policy, cwd, repositoryRoot } = inputs;
  const scope = new Set(inputs.namespaces);
  const inScope = (namespace) => scope.size === 0 || scope.has(namespace);
  const documents = declared.documents.filter((d) => inScope(d.client.namespace));
  const apiVersionOf = new Map(
    documents.map((d) => [`${d.file}
${d.client.namespace}/${d.client.name}`, d.apiVersion])
  );
  const fallbackHome = (call) => {
    const home = documents.find((d) => d.client.namespace === call.client.namespace) ?? documents[0];
    return home === void 0 ? void 0 : { file: home.file, line: home.line };
  };
  return {
    gate: { missing: (call) => missingFails(policy, call), stale: (rule) => staleOutcome(policy, rule) },
    repositoryPath: (file) => fromRepositoryRoot(repositoryRoot, cwd, file) ?? file,
    suggest: (call) => {
      const at = call.intentsFile && apiVersionOf.get(`${call.intentsFile.file}
${call.client.namespace}/${call.client.name}`);
      return suggestedRule(call, at ?? void 0);
    },
    fallbackHome,
    declared: declared.rules.filter((rule) => inScope(rule.client.namespace))
  };
}
function fromRepositoryRoot(root, cwd, file) {
  const relative = path8.relative(root, path8.resolve(cwd, file));
  if (leavesDirectory(relative)) return void 0;
  return relative.split(path8.sep).join("/");
}
function sarifOutsideWarning(inputs) {
  const { repositoryRoot, cwd } = inputs;
  const outside = /* @__PURE__ */ new Set();
  for (const doc of inputs.declared.documents) {
    if (fromRepositoryRoot(repositoryRoot, cwd, doc.file) === void 0) outside.add(doc.file);
  }
  if (outside.size === 0) return void 0;
  const [first] = outside;
  const [more, lie, their] = outside.size > 1 ? [` and ${outside.size - 1} more`, "lie", "their"] : ["", "lies", "its"];
  return `SARIF: ${first}${more} ${lie} outside the repository (${repositoryRoot}): code scanning cannot place ${their} results; give intents paths inside it`;
}
function renderCiReport(format, inputs) {
  const options2 = ciReportOptions(inputs);
  return format === "sarif" ? renderSarifReport(inputs.drift, options2) : renderJunitReport(inputs.drift, options2);
}

// src/report/json-report.ts
var JSON_REPORT_VERSION = 1;
function jsonRef(ref) {
  const out = { name: ref.name, namespace: ref.namespace };
  if (ref.kind !== void 0) out.kind = ref.kind;
  return out;
}
function jsonCall(call) {
  const server = jsonRef(call.server);
  if (call.server.service)
    server.service = { name: call.server.service.name, namespace: call.server.service.namespace };
  const out = {
    client: jsonRef(call.client),
    server,
    method: call.method,
    path: call.path,
    count: call.count,
    protocol: call.protocol
  };
  if (call.firstSeen !== void 0) out.firstSeen = call.firstSeen;
  if (call.lastSeen !== void 0) out.lastSeen = call.lastSeen;
  if (call.host !== void 0) out.host = call.host;
  if ("suggestedPath" in call && call.suggestedPath !== void 0) {
    out.suggestedPath = call.suggestedPath;
    const widens = wideningOf(call);
    if (widens !== void 0) out.suggestedPathWidens = widens;
  }
  if ("wouldBeBlocked" in call) out.wouldBeBlocked = call.wouldBeBlocked;
  if ("intentsFile" in call && call.intentsFile !== void 0) {
    out.intentsFile = { file: call.intentsFile.file, line: call.intentsFile.line };
  }
  const ignoredBy = call.ignoredBy;
  if (ignoredBy !== void 0) out.ignoredBy = { file: ignoredBy.file, line: ignoredBy.line };
  return out;
}
function jsonRule(rule) {
  const out = {
    client: jsonRef(rule.client),
    server: jsonRef(rule.server),
    targetType: rule.targetType,
    method: rule.method,
    path: rule.path,
    file: rule.file,
    line: rule.line
  };
  if ("reason" in rule) out.reason = rule.reason;
  if ("why" in rule) out.why = rule.why;
  const ignoredBy = rule.ignoredBy;
  if (ignoredBy !== void 0) out.ignoredBy = { file: ignoredBy.file, line: ignoredBy.line };
  return out;
}
function reportFields(drift) {
  const s = drift.summary;
  const list = (items, item) => ({ list: items, item });
  const fields = [
    ["version", JSON_REPORT_VERSION],
    [
      "summary",
      {
        observed: s.observed,
        declared: s.declared,
        covered: s.covered,
        missing: s.missing,
        stale: s.stale,
        notChecked: s.notChecked,
        ignored: s.ignored,
        drift: s.drift
      }
    ],
    ["missing", list(drift.missing, jsonCall)],
    ["stale", list(drift.stale, jsonRule)],
    ["covered", list(drift.covered, jsonCall)],
    ["notChecked", list(drift.notChecked, jsonRule)],
    ["unattributed", list(drift.unattributed, jsonCall)],
    ["external", list(drift.external, jsonCall)],
    ["ignored", list(drift.ignored, jsonCall)],
    ["warnings", [...drift.warnings]]
  ];
  const extras = asControlled(drift);
  if (extras.ignoredStale) fields.push(["ignoredStale", list(extras.ignoredStale, jsonRule)]);
  if (extras.coverage) fields.push(["coverage", extras.coverage]);
  if (extras.noise) fields.push(["noise", { ...extras.noise }]);
  if (extras.baseline) fields.push(["baseline", { ...extras.baseline }]);
  if (extras.environments) fields.push(["environments", { ...extras.environments }]);
  if (extras.failure) fields.push(["failure", { ...extras.failure }]);
  if (extras.config !== void 0) fields.push(["config", extras.config]);
  if (extras.observedFrom) fields.push(["observedFrom", jsonObservedFrom(extras.observedFrom)]);
  return fields;
}
function jsonObservedFrom(from) {
  const out = { source: from.source, inputs: [...from.inputs] };
  if (from.window) out.window = { from: from.window.from, to: from.window.to };
  if (from.since !== void 0) out.since = from.since;
  return out;
}
function isList(value) {
  return typeof value === "object" && value !== null && "list" in value && "item" in value;
}
function toJsonReport(drift) {
  const report = {};
  for (const [key, value] of reportFields(drift)) {
    report[key] = isList(value) ? value.list.map((x) => value.item(x)) : value;
  }
  return report;
}
var BATCH = 128;
function nested(value) {
  return JSON.stringify([value], null, 2).slice(4, -2);
}
function nestedItems(items) {
  return jsonWithEscapes(JSON.stringify([items], null, 2)).slice(6, -6);
}
function jsonText(value) {
  return `${jsonWithEscapes(JSON.stringify(value, null, 2))}
`;
}
function* renderJsonReportChunks(drift) {
  let head = "{";
  const fields = reportFields(drift);
  for (let f = 0; f < fields.length; f++) {
    const [key, value] = fields[f];
    head += `${f === 0 ? "" : ","}
  ${JSON.stringify(key)}: `;
    if (!isList(value)) {
      head += nested(value);
      continue;
    }
    if (value.list.length === 0) {
      head += "[]";
      continue;
    }
    for (let from = 0; from < value.list.length; from += BATCH) {
      const batch = value.list.slice(from, from + BATCH).map((x) => value.item(x));
      yield jsonWithEscapes(`${head}${from === 0 ? "[\n" : ",\n"}`);
      yield nestedItems(batch);
      head = "";
    }
    head += "\n  ]";
  }
  yield jsonWithEscapes(`${head}
}
`);
}

// src/report/markdown-escape.ts
var BROKEN_COMMENT_OPEN = "<\\x21--";
function longestBacktickRun(text3) {
  let longest = 0;
  for (const run of text3.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
function codeSpan(text3, opts = {}) {
  let content = showControlChars(text3).replaceAll("<!--", BROKEN_COMMENT_OPEN);
  if (content === "") return "*empty*";
  if (opts.inTable) content = content.replaceAll("|", "\\|");
  const fence = "`".repeat(longestBacktickRun(content) + 1);
  const needsPadding = /^[` ]|[` ]$/.test(content) && content.trim() !== "";
  return needsPadding ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`;
}
function cellCode(text3) {
  return codeSpan(text3, { inTable: true });
}
function safeLinkUrl(url) {
  if (!/^https?:\/\/[A-Za-z0-9]/i.test(url)) return void 0;
  return url.replace(
    /[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/gu,
    (char) => char.length === 1 && char.charCodeAt(0) < 128 ? `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}` : encodeURIComponent(char)
  );
}
function linkedCode(text3, url, opts = {}) {
  const code = codeSpan(text3, opts);
  const safe = url === void 0 ? void 0 : safeLinkUrl(url);
  return safe === void 0 ? code : `[${code}](${safe})`;
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}

// src/report/graph-model.ts
var EDGE_KINDS = [
  "covered",
  "missing",
  "blocked",
  "stale",
  "ignored",
  "observed"
];
var UNKNOWN = "unknown";
function byText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function observedOperation(call) {
  if (call.method === null && call.path === null) {
    return call.protocol === "tcp" ? `(TCP, ${NO_HTTP_DETAIL})` : `(${NO_HTTP_DETAIL})`;
  }
  return `${call.method ?? "*"} ${call.path ?? "*"}`;
}
function ruleOperation(rule) {
  if (rule.method === null && rule.path === null) return "(any request)";
  return `${rule.method ?? "*"} ${rule.path ?? "*"}`;
}
function workloadKey2(ref) {
  return `w:${qualifiedName(ref)}`;
}
function serviceKey(ref) {
  return `s:${qualifiedName(ref)}`;
}
function ruleTargetKey(rule) {
  return rule.targetType === "service" ? serviceKey(rule.server) : workloadKey2(rule.server);
}
var EdgeGroups = class {
  edges = [];
  byEnds = /* @__PURE__ */ new Map();
  add(from, to, kind, item) {
    let tos = this.byEnds.get(from);
    if (tos === void 0) {
      tos = /* @__PURE__ */ new Map();
      this.byEnds.set(from, tos);
    }
    let kinds = tos.get(to);
    if (kinds === void 0) {
      kinds = /* @__PURE__ */ new Map();
      tos.set(to, kinds);
    }
    let edge = kinds.get(kind);
    if (edge === void 0) {
      edge = { from, to, kind, items: [] };
      kinds.set(kind, edge);
      this.edges.push(edge);
    }
    edge.items.push(item);
  }
};
var GraphBuilder = class {
  nodes = /* @__PURE__ */ new Map();
  rows = [];
  workload(ref) {
    return this.node({
      key: workloadKey2(ref),
      kind: "workload",
      label: qualifiedName(ref),
      name: ref.name,
      namespace: ref.namespace
    });
  }
  /** A declared `service` target: a Service, not a workload, though it may share the name. */
  service(ref) {
    const label = `${qualifiedName(ref)} (service)`;
    const name = `${ref.name} (service)`;
    return this.node({
      key: serviceKey(ref),
      kind: "service",
      label,
      name,
      namespace: ref.namespace
    });
  }
  external(call) {
    const host = call.host ?? qualifiedName(call.server);
    return this.node({ key: `x:${host}`, kind: "external", label: host, name: host });
  }
  unattributed(ref) {
    const unknown = ref.name === UNKNOWN && ref.namespace === UNKNOWN;
    const label = unknown ? "outside the mesh" : qualifiedName(ref);
    return this.node({ key: `u:${qualifiedName(ref)}`, kind: "unattributed", label, name: label });
  }
  call(kind, from, to, call) {
    this.rows.push({
      kind,
      from,
      to,
      operation: observedOperation(call),
      count: call.count,
      protocol: call.protocol,
      call
    });
  }
  rule(kind, rule) {
    const from = this.workload(rule.client);
    const to = rule.targetType === "service" ? this.service(rule.server) : this.workload(rule.server);
    const row = {
      kind,
      from,
      to,
      operation: ruleOperation(rule),
      count: null,
      protocol: null,
      rule
    };
    row.declaredAt = `${rule.file}:${rule.line}`;
    this.rows.push(row);
  }
  build(mode) {
    const edges = [];
    const group = new EdgeGroups();
    for (const row of this.rows) group.add(row.from, row.to, row.kind, row);
    for (const { from, to, kind, items } of group.edges) edges.push({ from, to, kind, rows: items });
    edges.sort(
      (a, b) => byText(a.from, b.from) || byText(a.to, b.to) || EDGE_KINDS.indexOf(a.kind) - EDGE_KINDS.indexOf(b.kind)
    );
    for (const edge of edges) {
      edge.rows.sort((a, b) => byText(a.operation, b.operation) || (b.count ?? 0) - (a.count ?? 0));
    }
    const nodes = [...this.nodes.values()].sort((a, b) => byText(a.key, b.key));
    return { mode, nodes, edges };
  }
  node(node) {
    if (!this.nodes.has(node.key)) this.nodes.set(node.key, node);
    return node.key;
  }
};
function addUnjudged(graph, unattributed, external) {
  for (const c of unattributed)
    graph.call("observed", graph.unattributed(c.client), graph.workload(c.server), c);
  for (const c of external) graph.call("observed", graph.workload(c.client), graph.external(c), c);
}
function graphOfMap(map2) {
  const graph = new GraphBuilder();
  for (const c of map2.calls) graph.call("observed", graph.workload(c.client), graph.workload(c.server), c);
  addUnjudged(graph, map2.unattributed, map2.external);
  return graph.build("map");
}
function missingKind(call) {
  return call.wouldBeBlocked ? "blocked" : "missing";
}
function graphOfDrift(drift) {
  const graph = new GraphBuilder();
  const between = (kind, c) => graph.call(kind, graph.workload(c.client), graph.workload(c.server), c);
  for (const c of drift.covered) between("covered", c);
  for (const c of drift.missing) between(missingKind(c), c);
  for (const c of drift.ignored) between("ignored", c);
  for (const r of drift.stale) graph.rule("stale", r);
  addUnjudged(graph, drift.unattributed, drift.external);
  return graph.build("drift");
}
var DRIFT_KINDS = /* @__PURE__ */ new Set(["missing", "blocked", "stale"]);
function driftingGraphOf(drift) {
  return onlyDrift(graphOfDrift({ ...drift, covered: [], ignored: [], unattributed: [], external: [] }));
}
function onlyDrift(graph) {
  const edges = graph.edges.filter((e) => DRIFT_KINDS.has(e.kind));
  const used = new Set(edges.flatMap((e) => [e.from, e.to]));
  return { ...graph, nodes: graph.nodes.filter((n) => used.has(n.key)), edges };
}

// src/report/graph-render.ts
var GRAPH_FONT = "DejaVu Sans";
var FONT_FALLBACKS = `${GRAPH_FONT},Verdana,sans-serif`;
var vizInstance;
function viz() {
  vizInstance ??= import("./viz-BMEYRWJF.js").then((m) => m.instance());
  return vizInstance;
}
async function renderSvg(dot) {
  const result = (await viz()).render(dot, { format: "svg" });
  if (result.status !== "success") {
    const reasons = result.errors.map((e) => e.message).join("; ");
    throw new Error(`Graphviz could not draw the graph: ${reasons}`);
  }
  return result.output.replaceAll(`font-family="${GRAPH_FONT}"`, `font-family="${FONT_FALLBACKS}"`);
}
var resvgModule;
function resvg() {
  resvgModule ??= import("@resvg/resvg-js");
  return resvgModule;
}
async function renderPng(svg, options2 = {}) {
  const { Resvg } = await resvg();
  const image = new Resvg(svg, {
    fitTo: { mode: "zoom", value: options2.zoom ?? 2 },
    background: "white",
    font: { loadSystemFonts: true, sansSerifFamily: GRAPH_FONT, defaultFontFamily: GRAPH_FONT },
    logLevel: "off"
  }).render();
  return image.asPng();
}
var PROBE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><text x="4" y="22" font-family="sans-serif" font-size="20">Ag</text></svg>';
async function hasUsableFont() {
  const { Resvg } = await resvg();
  const pixels = new Resvg(PROBE_SVG, { font: { loadSystemFonts: true }, logLevel: "off" }).render().pixels;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
  return false;
}

// src/report/picture-text.ts
function pictureText(text3) {
  return showControlChars(text3);
}
var HTML_ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text3) {
  return pictureText(text3).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// src/report/graph-dot.ts
var MAX_LABEL_LINES = 6;
var MAX_LINE_CHARS = 64;
var MISSING_RED = "#d62728";
var EDGE_STYLES = {
  covered: {
    attributes: { color: "#4b5563", fontcolor: "#374151" },
    legend: "covered: called and declared"
  },
  missing: {
    attributes: { color: MISSING_RED, fontcolor: MISSING_RED, penwidth: "1.5" },
    legend: "missing: called, not declared"
  },
  blocked: {
    attributes: { color: MISSING_RED, fontcolor: MISSING_RED, style: "dashed,bold", penwidth: "2.5" },
    legend: "missing, would be blocked once enforced"
  },
  stale: {
    attributes: { color: "#6b7280", fontcolor: "#4b5563", style: "dotted", penwidth: "1.5" },
    legend: "stale: declared, never called"
  },
  ignored: {
    attributes: { color: "#b7791f", fontcolor: "#8a5a12", style: "dashed" },
    legend: "ignored: missing, but an ignore rule accepts it"
  },
  observed: {
    attributes: { color: "#3b6ea8", fontcolor: "#27496d" },
    legend: "observed call"
  }
};
var NODE_STYLES = {
  workload: {
    attributes: { shape: "box", style: "rounded,filled", fillcolor: "#eef3fb", color: "#4a6fa5" },
    legend: "workload (name.namespace)"
  },
  service: {
    attributes: { shape: "box", style: "rounded,filled,dashed", fillcolor: "#f5f0ff", color: "#7c5cbf" },
    legend: "Service named by an intent"
  },
  external: {
    attributes: { shape: "ellipse", style: "filled", fillcolor: "#fff7e6", color: "#b7791f" },
    legend: "host outside the mesh"
  },
  unattributed: {
    attributes: { shape: "hexagon", style: "filled", fillcolor: "#f3f4f6", color: "#6b7280" },
    legend: "caller outside the mesh"
  }
};
var NODE_KINDS = ["workload", "service", "external", "unattributed"];
function dotString(text3) {
  const escaped = pictureText(text3).replace(/[\\"&]/g, (c) => c === "&" ? "&amp;" : `\\${c}`);
  return `"${escaped}"`;
}
function dotLines(lines) {
  const body = lines.map((line) => dotString(line).slice(1, -1)).join("\\l");
  return `"${body}\\l"`;
}
function attributeList(attrs, label) {
  const parts = Object.entries(attrs).map(([k, v]) => `${k}=${dotString(v)}`);
  return `[${[...parts, `label=${label}`].join(", ")}]`;
}
function cut(text3) {
  const chars = [...text3];
  return chars.length <= MAX_LINE_CHARS ? text3 : `${chars.slice(0, MAX_LINE_CHARS - 1).join("")}\u2026`;
}
function rowText(row) {
  return row.count === null ? row.operation : `${row.operation} (${row.count})`;
}
function edgeLines(edge) {
  const lines = edge.rows.map((row) => cut(rowText(row)));
  if (lines.length <= MAX_LABEL_LINES) return lines;
  const shown2 = lines.slice(0, MAX_LABEL_LINES - 1);
  return [...shown2, `+${lines.length - shown2.length} more`];
}
function nodeLines(node, id) {
  const label = node.namespace === void 0 ? node.label : node.name;
  return `${id} ${attributeList(NODE_STYLES[node.kind].attributes, dotString(cut(label)))};`;
}
var BUSY_EDGES = 30;
var FAINT = { color: "#c5cad3", penwidth: "0.8", arrowsize: "0.5" };
var MAX_LAID_OUT_LABELS = 20;
function edgeLine(edge, ids, busy, mode) {
  const style2 = EDGE_STYLES[edge.kind].attributes;
  const faint = busy && !DRIFT_KINDS.has(edge.kind);
  const attrs = faint ? { ...style2, ...FAINT } : style2;
  const label = faint ? '""' : dotLines(edgeLines(edge));
  const list = mode === "xlabel" && !faint ? `${attributeList(attrs, '""').slice(0, -1)}, xlabel=${label}]` : attributeList(attrs, label);
  return `${ids(edge.from)} -> ${ids(edge.to)} ${list};`;
}
var LEGEND_LINES = {
  covered: "\u2501\u2501\u2501\u2501\u2501",
  missing: "\u2501\u2501\u2501\u2501\u2501",
  blocked: "<B>\u2505\u2505\u2505\u2505</B>",
  stale: "\u2508\u2508\u2508\u2508\u2508",
  ignored: "\u254D\u254D\u254D\u254D\u254D",
  observed: "\u2501\u2501\u2501\u2501\u2501"
};
function legendLines(graph, busy) {
  const edgeKinds = EDGE_KINDS.filter((k) => graph.edges.some((e) => e.kind === k));
  const nodeKinds = NODE_KINDS.filter((k) => k !== "workload" && graph.nodes.some((n) => n.kind === k));
  const rows = edgeKinds.map((kind) => {
    const style2 = EDGE_STYLES[kind];
    const faint = busy && !DRIFT_KINDS.has(kind);
    const colour = (faint ? FAINT.color : style2.attributes.color) ?? "black";
    const text3 = `${kind === "observed" && graph.mode === "drift" ? "observed, not judged" : style2.legend}${faint ? " (unlabelled)" : ""}`;
    return `<TR><TD ALIGN="LEFT"><FONT COLOR="${colour}">${LEGEND_LINES[kind]}</FONT></TD><TD ALIGN="LEFT">${text3}</TD></TR>`;
  });
  const out = [
    "  subgraph cluster_legend {",
    '    label="legend"; style="rounded"; color="#d1d5db"; fontcolor="#6b7280"; fontsize=11;',
    `    legend_edges [shape=plain, fontsize=10, label=<<TABLE BORDER="0" CELLSPACING="2">${rows.join("")}</TABLE>>];`
  ];
  nodeKinds.forEach((kind, i) => {
    const style2 = NODE_STYLES[kind];
    const attrs = { ...style2.attributes, fontsize: "10" };
    out.push(`    legend_node_${i} ${attributeList(attrs, dotString(style2.legend))};`);
  });
  out.push("  }");
  return out;
}
function renderGraphDot(graph) {
  const ids = new Map(graph.nodes.map((node, i) => [node.key, `n${i}`]));
  const idOf = (key) => ids.get(key) ?? "missing_node";
  const title = graph.mode === "drift" ? "intent-drift: observed calls vs declared intents" : "intent-drift: observed calls";
  const font = dotString(GRAPH_FONT);
  const out = [
    'digraph "intent-drift" {',
    `  graph [rankdir=LR, newrank=true, fontname=${font}, fontsize=14, labelloc=t, label=${dotString(title)}, nodesep=0.35, ranksep=1.1, pad=0.25, bgcolor="white"];`,
    `  node [fontname=${font}, fontsize=12, margin="0.15,0.06"];`,
    `  edge [fontname=${font}, fontsize=10, arrowsize=0.8];`
  ];
  const namespaces = [
    ...new Set(graph.nodes.flatMap((n) => n.namespace === void 0 ? [] : [n.namespace]))
  ].sort();
  namespaces.forEach((namespace, i) => {
    out.push(`  subgraph cluster_ns${i} {`);
    out.push(
      `    label=${dotString(`namespace ${cut(namespace)}`)}; style="rounded,dashed"; color="#9ca3af"; fontcolor="#4b5563"; fontsize=11;`
    );
    for (const node of graph.nodes) {
      if (node.namespace === namespace) out.push(`    ${nodeLines(node, idOf(node.key))}`);
    }
    out.push("  }");
  });
  for (const node of graph.nodes) {
    if (node.namespace === void 0) out.push(`  ${nodeLines(node, idOf(node.key))}`);
  }
  const busy = graph.edges.length >= BUSY_EDGES;
  const calm = graph.edges.filter((e) => !DRIFT_KINDS.has(e.kind));
  const drifting = graph.edges.filter((e) => DRIFT_KINDS.has(e.kind));
  const labelled = busy ? drifting.length : graph.edges.length;
  const mode = labelled > MAX_LAID_OUT_LABELS ? "xlabel" : "label";
  for (const edge of [...calm, ...drifting]) out.push(`  ${edgeLine(edge, idOf, busy, mode)}`);
  if (graph.edges.length > 0) out.push(...legendLines(graph, busy));
  out.push("}", "");
  return out.join("\n");
}

// src/report/markdown-cells.ts
var RowList = class _RowList {
  length;
  rendered = [];
  render;
  constructor(length, render) {
    this.length = length;
    this.render = render;
  }
  static of(items, row) {
    return new _RowList(items.length, (i) => row(items[i]));
  }
  get(i) {
    let row = this.rendered[i];
    if (row === void 0) {
      row = this.render(i);
      this.rendered[i] = row;
    }
    return row;
  }
};
function header(...titles) {
  return [tableRow(titles), tableRow(titles.map((t) => t === "count" ? "---:" : "---"))];
}
function groupedRows(items, clientOf, row, columns, environmentOf2) {
  const groups = /* @__PURE__ */ new Map();
  let last;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const client = clientOf(item);
    if (last === void 0 || last.ref !== client) {
      const key = `${client.namespace}\0${client.name}`;
      let group = groups.get(key);
      if (group === void 0) {
        group = { client, items: [] };
        groups.set(key, group);
      }
      last = { ref: client, group };
    }
    last.group.items.push(item);
  }
  const keys = [...groups.keys()].sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  const ordered = [];
  const heads = [];
  for (const key of keys) {
    const { client, items: members } = groups.get(key);
    for (let i = 0; i < members.length; i++) {
      ordered.push(members[i]);
      heads.push(i === 0 ? client : void 0);
    }
  }
  const headRow = (client) => {
    const environment = environmentOf2?.(client.namespace);
    const heading = `**${cellCode(client.name)}** in ${cellCode(client.namespace)}${environment === void 0 ? "" : ` (${cellCode(environment)})`}`;
    return tableRow([heading, ...Array.from({ length: columns - 1 }, () => "")]);
  };
  return new RowList(ordered.length, (i) => {
    const client = heads[i];
    return client === void 0 ? row(ordered[i]) : `${headRow(client)}
${row(ordered[i])}`;
  });
}
function operationCell(method, path9, whenNone) {
  if (method === null && path9 === null) return `*${whenNone}*`;
  return cellCode(`${method ?? "*"} ${path9 ?? "*"}`);
}
function serverCell(call) {
  const server = cellCode(targetName(call.server, call.client.namespace));
  const service = call.server.service;
  return service ? `${server} via ${cellCode(targetName(service, call.client.namespace))}` : server;
}
function targetCell(rule) {
  const target = cellCode(targetName(rule.server, rule.client.namespace));
  return rule.targetType === "kubernetes" ? target : `${rule.targetType} ${target}`;
}
function fileLineCell(at, fileLink) {
  return linkedCode(`${at.file}:${at.line}`, fileLink?.(at.file, at.line), { inTable: true });
}
function distinctClients(items) {
  const seen = /* @__PURE__ */ new Set();
  let last;
  for (let i = 0; i < items.length; i++) {
    const client = items[i].client;
    if (client !== last) seen.add(`${client.namespace}/${client.name}`);
    last = client;
  }
  return seen.size;
}
function legend(codes, means) {
  return [...new Set(codes)].map((code) => `${codeSpan(code)}: ${means[code]}.`).join(" ");
}

// src/report/markdown-control-sections.ts
function coverageSection(drift) {
  const coverage = asControlled(drift).coverage;
  if (!coverage || coverage.total.declared === 0) return void 0;
  const withEnvironment = coverage.clients.some((c) => c.environment !== void 0);
  const titles = [
    "client",
    ...withEnvironment ? ["environment"] : [],
    "exercised",
    "coverage",
    "not exercised"
  ];
  const rows = RowList.of(
    coverage.clients.filter((c) => c.declared > 0),
    (c) => {
      const why = Object.entries(c.stale).filter(([, n]) => n > 0).map(([reason, n]) => `${n} ${reason}`);
      if (c.noDetail > 0) why.push(`${c.noDetail} without HTTP detail`);
      const environment = environmentOf(drift, c.client.namespace);
      return tableRow([
        cellCode(qualifiedName(c.client)),
        ...withEnvironment ? [environment === void 0 ? "" : cellCode(environment)] : [],
        `${c.exercised} of ${c.declared}`,
        `${c.percent}%`,
        why.join(", ")
      ]);
    }
  );
  const { exercised, declared, percent } = coverage.total;
  return {
    title: `Coverage: ${percent}% of the declared rules exercised (${exercised} of ${declared})`,
    header: header(...titles),
    rows,
    collapsed: true,
    priority: 8
  };
}
function controlSections(drift, fileLink) {
  const { notExercised } = splitStale(drift.stale);
  const ignoredStale = asControlled(drift).ignoredStale ?? [];
  const env = (ns) => environmentOf(drift, ns);
  const sections = [
    {
      title: `Not exercised (${NOT_EXERCISED_MEANS}): ${plural(notExercised.length, "rule")} of ${plural(distinctClients(notExercised), "client")}`,
      intro: "Their rules are neither confirmed nor stale (`client-idle`). Drive these clients in the traffic step to check them.",
      header: header("rule", "target", "declared at"),
      rows: groupedRows(
        notExercised,
        (r) => r.client,
        (r) => tableRow([
          operationCell(r.method, r.path, "any request"),
          targetCell(r),
          fileLineCell(r, fileLink)
        ]),
        3,
        env
      ),
      collapsed: true,
      priority: 3
    },
    {
      title: `Stale rules ignored by the config: ${plural(ignoredStale.length, "rule")}`,
      header: header("rule", "target", "declared at", "ignored by"),
      rows: groupedRows(
        ignoredStale,
        (r) => r.client,
        (r) => tableRow([
          operationCell(r.method, r.path, "any request"),
          targetCell(r),
          fileLineCell(r, fileLink),
          cellCode(ignoredByText(r) ?? "-")
        ]),
        4,
        env
      ),
      collapsed: true,
      priority: 4
    }
  ];
  const coverage = coverageSection(drift);
  if (coverage) sections.push(coverage);
  return sections;
}

// src/report/markdown-sections.ts
function missingRow(call, fileLink) {
  const op = operationCell(call.method, call.path, NO_HTTP_DETAIL);
  return tableRow([
    call.suggestedPath ? `${op} \u2192 ${cellCode(call.suggestedPath)}` : op,
    serverCell(call),
    String(call.count),
    call.wouldBeBlocked ? "**blocked**" : "open",
    call.intentsFile ? fileLineCell(call.intentsFile, fileLink) : "a new ClientIntents"
  ]);
}
function callRow(call, extra = []) {
  return tableRow([
    operationCell(call.method, call.path, NO_HTTP_DETAIL),
    serverCell(call),
    String(call.count),
    ...extra
  ]);
}
function ruleRow(rule, fileLink, why) {
  const cells = [operationCell(rule.method, rule.path, "any request"), targetCell(rule)];
  if (why !== void 0) cells.push(why);
  cells.push(fileLineCell(rule, fileLink));
  return tableRow(cells);
}
var TEMPLATE_NOTE = "A path shown as `path \u2192 template` suggests an Istio template: `{*}` allows any one segment there and `{**}` any rest of the path, not only the values seen.";
function buildSections(drift, fileLink) {
  const sections = [
    ...driftSections(drift, fileLink),
    ...controlSections(drift, fileLink),
    ...contextSections(drift, fileLink)
  ];
  return sections.filter((section) => section.rows.length > 0);
}
function driftSections(drift, fileLink) {
  const { stale } = splitStale(drift.stale);
  const templated = drift.missing.some((call) => call.suggestedPath !== void 0);
  const env = (ns) => environmentOf(drift, ns);
  const blocked = drift.missing.some((c) => c.wouldBeBlocked);
  const open = drift.missing.some((c) => !c.wouldBeBlocked);
  const once = [
    ...blocked ? [`**blocked**: ${BLOCKED_MEANS}.`] : [],
    ...open ? [`open: ${OPEN_MEANS}.`] : []
  ];
  return [
    {
      title: `Missing (${MISSING_MEANS}): ${plural(drift.missing.length, "call")} of ${plural(distinctClients(drift.missing), "client")}`,
      intro: [...once, ...templated ? [TEMPLATE_NOTE] : []].join(" "),
      header: header("call", "server", "count", "once enforced", "declare in"),
      rows: groupedRows(
        drift.missing,
        (c) => c.client,
        (c) => missingRow(c, fileLink),
        5,
        env
      ),
      collapsed: false,
      priority: 0
    },
    {
      title: `Stale (${STALE_MEANS}): ${plural(stale.length, "rule")} of ${plural(distinctClients(stale), "client")}`,
      intro: legend(
        stale.map((r) => r.reason),
        STALE_REASON_MEANS
      ),
      header: header("rule", "target", "reason", "declared at"),
      rows: groupedRows(
        stale,
        (r) => r.client,
        (r) => ruleRow(r, fileLink, cellCode(r.reason)),
        4,
        env
      ),
      collapsed: false,
      priority: 1
    }
  ];
}
function contextSections(drift, fileLink) {
  return [...checkedContext(drift, fileLink), ...outsideContext(drift)];
}
function checkedContext(drift, fileLink) {
  const env = (ns) => environmentOf(drift, ns);
  const ignoredWithRule = drift.ignored.some((call) => ignoredByText(call) !== void 0);
  return [
    {
      title: `Covered (called and declared): ${plural(drift.covered.length, "call")}`,
      header: header("call", "server", "count"),
      rows: groupedRows(
        drift.covered,
        (c) => c.client,
        (c) => callRow(c),
        3,
        env
      ),
      collapsed: true,
      priority: 7
    },
    {
      title: `Not checked: ${plural(drift.notChecked.length, "rule")}`,
      header: header("rule", "target", "why", "declared at"),
      rows: groupedRows(
        drift.notChecked,
        (r) => r.client,
        (r) => ruleRow(r, fileLink, NOT_CHECKED_MEANS[r.why]),
        4,
        env
      ),
      collapsed: true,
      priority: 3
    },
    {
      title: `Ignored by the config: ${plural(drift.ignored.length, "call")}`,
      header: ignoredWithRule ? header("call", "server", "count", "ignored by") : header("call", "server", "count"),
      rows: groupedRows(
        drift.ignored,
        (c) => c.client,
        (c) => callRow(c, ignoredWithRule ? [cellCode(ignoredByText(c) ?? "-")] : []),
        ignoredWithRule ? 4 : 3,
        env
      ),
      collapsed: true,
      priority: 4
    }
  ];
}
function outsideContext(drift) {
  const env = (ns) => environmentOf(drift, ns);
  return [
    {
      title: `Unattributed (callers outside the mesh): ${plural(drift.unattributed.length, "call")}`,
      header: header("server", "call", "count"),
      rows: RowList.of(
        drift.unattributed,
        (call) => tableRow([
          cellCode(qualifiedName(call.server)),
          operationCell(call.method, call.path, NO_HTTP_DETAIL),
          String(call.count)
        ])
      ),
      collapsed: true,
      priority: 5
    },
    {
      title: `External (destinations outside the mesh): ${plural(drift.external.length, "call")}`,
      header: header("destination", "count"),
      rows: groupedRows(
        drift.external,
        (c) => c.client,
        (call) => tableRow([
          cellCode(call.host ?? qualifiedName(call.server.service ?? call.server)),
          String(call.count)
        ]),
        2,
        env
      ),
      collapsed: true,
      priority: 6
    },
    {
      title: "Warnings",
      rows: RowList.of(drift.warnings, (warning) => `- ${codeSpan(warning)}`),
      collapsed: false,
      priority: 2
    }
  ];
}

// src/report/mermaid-drift-graph.ts
var MAX_EDGES = 50;
var OPEN_EDGES = 10;
var LINES_PER_EDGE = 3;
var PLAIN = /^[A-Za-z0-9 ./_:()+,=-]$/;
function mermaidText(text3) {
  let out = "";
  for (const char of pictureText(text3)) {
    out += PLAIN.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}
var PRIORITY = { blocked: 0, missing: 1, stale: 2 };
var ARROW = { blocked: "==>", missing: "-->", stale: "-.->" };
var LINK_STYLE = {
  blocked: `stroke:${MISSING_RED},stroke-width:3px,color:${MISSING_RED}`,
  missing: `stroke:${MISSING_RED},stroke-width:2px,color:${MISSING_RED}`,
  stale: `stroke:${EDGE_STYLES.stale.attributes.color},stroke-width:1.5px,stroke-dasharray:5 4`
};
var VERDICT = {
  blocked: "missing, would be blocked",
  missing: "missing",
  stale: "stale"
};
function edgeLabel(edge) {
  const lines = edge.rows.map((row) => mermaidText(rowText(row)));
  const shown2 = lines.length <= LINES_PER_EDGE ? lines : [...lines.slice(0, LINES_PER_EDGE - 1)];
  if (shown2.length < lines.length) shown2.push(`+${lines.length - shown2.length} more`);
  return [`${VERDICT[edge.kind] ?? edge.kind}:`, ...shown2].join("<br>");
}
function flowchart(graph, edges) {
  const used = new Set(edges.flatMap((e) => [e.from, e.to]));
  const nodes = graph.nodes.filter((n) => used.has(n.key));
  const ids = new Map(nodes.map((n, i) => [n.key, `n${i}`]));
  const out = ["flowchart LR"];
  const namespaces = [...new Set(nodes.flatMap((n) => n.namespace === void 0 ? [] : [n.namespace]))];
  namespaces.sort().forEach((namespace, i) => {
    out.push(`  subgraph ns${i}["namespace ${mermaidText(namespace)}"]`);
    for (const n of nodes)
      if (n.namespace === namespace) out.push(`    ${ids.get(n.key)}["${mermaidText(n.name)}"]`);
    out.push("  end");
  });
  for (const n of nodes)
    if (n.namespace === void 0) out.push(`  ${ids.get(n.key)}["${mermaidText(n.label)}"]`);
  edges.forEach((edge) => {
    out.push(
      `  ${ids.get(edge.from)} ${ARROW[edge.kind] ?? "-->"}|"${edgeLabel(edge)}"| ${ids.get(edge.to)}`
    );
  });
  edges.forEach((edge, i) => {
    out.push(`  linkStyle ${i} ${LINK_STYLE[edge.kind] ?? ""}`);
  });
  return out;
}
function drawnDrift(drift) {
  const group = new EdgeGroups();
  const keys = /* @__PURE__ */ new Map();
  const keyOf2 = (ref) => {
    let key = keys.get(ref);
    if (key === void 0) {
      key = workloadKey2(ref);
      keys.set(ref, key);
    }
    return key;
  };
  for (const call of drift.missing)
    group.add(keyOf2(call.client), keyOf2(call.server), missingKind(call), call);
  for (const rule of drift.stale) {
    if (rule.reason !== "client-idle")
      group.add(workloadKey2(rule.client), ruleTargetKey(rule), "stale", rule);
  }
  const edges = group.edges;
  edges.sort(
    (a, b) => (PRIORITY[a.kind] ?? 9) - (PRIORITY[b.kind] ?? 9) || byText(a.from, b.from) || byText(a.to, b.to)
  );
  const chosen = new Set(edges.slice(0, MAX_EDGES).flatMap((edge) => edge.items));
  const drawnItem = (item) => chosen.has(item);
  const drawn = {
    ...drift,
    covered: [],
    ignored: [],
    unattributed: [],
    external: [],
    missing: drift.missing.filter(drawnItem),
    stale: drift.stale.filter(drawnItem)
  };
  return { total: edges.length, drawn };
}
function mermaidDriftGraph(drift, room = Number.POSITIVE_INFINITY) {
  const { total, drawn } = drawnDrift(drift);
  return total === 0 ? "" : mermaidBlock(driftingGraphOf(drawn), total, room);
}
function mermaidBlock(graph, total, room) {
  const edges = [...graph.edges].sort((a, b) => (PRIORITY[a.kind] ?? 9) - (PRIORITY[b.kind] ?? 9));
  const drawn = edges.slice(0, MAX_EDGES);
  const left = total - drawn.length;
  const title = `Drift graph: ${plural(total, "drifting edge")}${left > 0 ? `, ${drawn.length} drawn` : ""}`;
  const body = ["```mermaid", ...flowchart(graph, drawn), "```"];
  if (left > 0)
    body.push("", `*${plural(left, "more drifting edge")} not drawn: the tables list every call and rule.*`);
  const block = total > OPEN_EDGES ? ["", `<details><summary>${title}</summary>`, "", ...body, "", "</details>"] : ["", `#### ${title}`, "", ...body];
  const text3 = `${block.join("\n")}
`;
  return text3.length <= room ? text3 : "";
}

// src/report/markdown-report.ts
var COMMENT_MARKER = "<!-- intent-drift -->";
var DEFAULT_MAX_LENGTH = 65e3;
var HEADER_VALUES = 3;
function runLine(drift, run) {
  const parts = [];
  if (run.commit !== void 0 && /^[0-9a-f]{7,64}$/i.test(run.commit.sha)) {
    parts.push(`checked ${linkedCode(run.commit.sha.slice(0, 7), run.commit.url)}`);
  }
  const { observedFrom: observedFrom2, config } = asControlled(drift);
  if (observedFrom2 !== void 0) {
    const part = observedParts(observedFrom2);
    const shown2 = part.values.slice(0, HEADER_VALUES).map((v) => codeSpan(v));
    const more = part.values.length - shown2.length;
    if (more > 0) shown2.push(`and ${more} more`);
    const tail = part.tail !== void 0 && /^[0-9A-Za-z :.,+-]+$/.test(part.tail) ? `, ${part.tail}` : "";
    parts.push(`observed: ${part.text}${shown2.length > 0 ? ` ${shown2.join(", ")}` : ""}${tail}`);
  }
  if (config !== void 0) parts.push(config === null ? "no config" : `config ${codeSpan(config)}`);
  const runUrl = run.runUrl === void 0 ? void 0 : safeLinkUrl(run.runUrl);
  if (runUrl !== void 0) parts.push(`[workflow run](${runUrl})`);
  if (parts.length === 0) return void 0;
  const line = parts.join(" \xB7 ");
  return line.charAt(0).toUpperCase() + line.slice(1);
}
var characters = (text3) => text3.length;
function verdict(drift, run) {
  const s = drift.summary;
  const { stale, notExercised } = splitStale(drift.stale);
  const ignored = s.ignored + (asControlled(drift).ignoredStale?.length ?? 0);
  let headline2 = "### \u2705 intent-drift: no drift";
  if (s.missing > 0 || stale.length > 0) {
    headline2 = `### \u274C intent-drift: ${s.missing} missing, ${stale.length} stale`;
  } else if (asControlled(drift).failure?.exitCode === 1) {
    headline2 = `### \u274C intent-drift: ${notExercised.length} not exercised`;
  } else if (notExercised.length > 0) {
    headline2 = "### \u2705 intent-drift: no drift in what the run exercised";
  }
  const counts = [`${s.covered} covered`];
  if (s.notChecked > 0) counts.push(`${s.notChecked} not checked`);
  if (ignored > 0) counts.push(`${ignored} ignored`);
  if (notExercised.length > 0) counts.push(`${notExercised.length} not exercised`);
  counts.push(`${plural(s.observed, "call")} observed`, `${plural(s.declared, "rule")} declared`);
  const coverage = coverageSummary(drift);
  if (coverage !== void 0) counts.push(coverage);
  const notes = controlNotes(drift).flatMap((note, i) => i === 0 ? [`> ${note}`] : ["", `> ${note}`]);
  const context = runLine(drift, run);
  return [
    headline2,
    ...context === void 0 ? [] : ["", context],
    "",
    counts.join(" \xB7 "),
    ...notes.length > 0 ? ["", ...notes] : []
  ];
}
function renderSection(section, kept2) {
  const body = [];
  if (section.intro) body.push(section.intro, "");
  if (kept2 > 0) {
    for (const line of section.header ?? []) body.push(line);
    for (let i = 0; i < kept2; i++) body.push(section.rows.get(i));
  }
  const left = section.rows.length - kept2;
  if (left > 0) body.push(...kept2 > 0 ? [""] : [], `*\u2026 and ${left} more not shown here.*`);
  if (section.collapsed) {
    return ["", `<details><summary>${section.title}</summary>`, "", ...body, "", "</details>"];
  }
  return ["", `#### ${section.title}`, "", ...body];
}
function renderDocument(drift, run, sections, kept2) {
  const lines = [COMMENT_MARKER, ...verdict(drift, run)];
  const left = sections.reduce((sum, section, i) => sum + section.rows.length - (kept2[i] ?? 0), 0);
  if (left > 0) {
    lines.push(
      "",
      `> **Cut to fit a GitHub comment:** ${plural(left, "row")} left out. The full report is in the job summary and in the JSON report.`
    );
  }
  sections.forEach((section, i) => {
    for (const line of renderSection(section, kept2[i] ?? 0)) lines.push(line);
  });
  return `${lines.join("\n")}
`;
}
function allocateRows(sections, budget, measure) {
  const kept2 = sections.map(() => 0);
  let left = budget;
  const byPriority = sections.map((section, i) => ({ section, i })).sort((a, b) => a.section.priority - b.section.priority);
  for (const { section, i } of byPriority) {
    let used = (section.header ?? []).reduce((sum, line) => sum + measure(line) + 1, 0);
    let rows = 0;
    for (let r = 0; r < section.rows.length; r++) {
      const size = measure(section.rows.get(r)) + 1;
      if (used + size > left) break;
      used += size;
      rows++;
    }
    if (rows > 0) {
      kept2[i] = rows;
      left -= used;
    }
  }
  return kept2;
}
function renderMarkdownReport(drift, opts = {}) {
  const graph = mermaidDriftGraph(drift, (opts.maxLength ?? DEFAULT_MAX_LENGTH) / 4);
  return renderTables(drift, {
    ...opts,
    maxLength: (opts.maxLength ?? DEFAULT_MAX_LENGTH) - (opts.measure ?? characters)(graph)
  }) + graph;
}
function rowsExceed(sections, limit, measure) {
  let total = 0;
  for (const section of sections) {
    for (let r = 0; r < section.rows.length; r++) {
      total += measure(section.rows.get(r));
      if (total > limit) return true;
    }
  }
  return false;
}
function renderTables(drift, opts) {
  const maxLength = opts.maxLength ?? DEFAULT_MAX_LENGTH;
  const measure = opts.measure ?? characters;
  const sections = buildSections(drift, opts.fileLink);
  const run = {
    ...opts.commit === void 0 ? {} : { commit: opts.commit },
    ...opts.runUrl === void 0 ? {} : { runUrl: opts.runUrl }
  };
  if (!rowsExceed(sections, maxLength, measure)) {
    const full = renderDocument(
      drift,
      run,
      sections,
      sections.map((s) => s.rows.length)
    );
    if (measure(full) <= maxLength) return full;
  }
  const frame = renderDocument(
    drift,
    run,
    sections,
    sections.map(() => 0)
  );
  const kept2 = allocateRows(sections, maxLength - measure(frame) - 64, measure);
  let text3 = renderDocument(drift, run, sections, kept2);
  const byLeastImportant = sections.map((s, i) => ({ s, i })).sort((a, b) => b.s.priority - a.s.priority);
  while (measure(text3) > maxLength) {
    const victim = byLeastImportant.find(({ i }) => (kept2[i] ?? 0) > 0);
    if (!victim) break;
    kept2[victim.i] = (kept2[victim.i] ?? 0) - 1;
    text3 = renderDocument(drift, run, sections, kept2);
  }
  return text3;
}

// src/report/comment-document.ts
var LEFT_OUT_IN_THE_LOG = "see the lines starting `not in the suggested patch:` in the run's log";
var PATCH_TOO_LONG = "too-long";
function patchRoom(limit = DEFAULT_MAX_LENGTH) {
  return limit / 3;
}
function renderComment(drift, opts) {
  const limit = opts.limit ?? DEFAULT_MAX_LENGTH;
  const measure = opts.measure ?? ((text3) => text3.length);
  const given = opts.suggestedPatch;
  let patch = given === PATCH_TOO_LONG ? "" : patchBlock(given);
  if (given === PATCH_TOO_LONG || measure(patch) > patchRoom(limit)) {
    patch = patchTooLong(
      given === PATCH_TOO_LONG ? void 0 : given,
      opts.documentName,
      opts.patchElsewhere
    );
  }
  patch += leftOutNote(opts.patchLeftOut ?? 0, given === "", opts.leftOutListed);
  const note = opts.gateNote ?? "";
  const report = renderMarkdownReport(drift, {
    maxLength: limit - measure(note) - measure(patch),
    measure,
    ...opts.fileLink ? { fileLink: opts.fileLink } : {},
    ...opts.commit ? { commit: opts.commit } : {},
    ...opts.runUrl ? { runUrl: opts.runUrl } : {}
  });
  return report + note + patch;
}
function patchBlock(patch) {
  if (patch === "") return "";
  const fence = "`".repeat(Math.max(3, longestBacktickRun2(patch) + 1));
  const files = (patch.match(/^\+\+\+ /gm) ?? []).length;
  return [
    "",
    `<details><summary>Suggested patch of the intents (${files} ${files === 1 ? "file" : "files"})</summary>`,
    "",
    `${fence}diff`,
    shownPatch(patch.endsWith("\n") ? patch.slice(0, -1) : patch),
    fence,
    "",
    "</details>",
    .../\r\n/.test(patch) ? ["", CRLF_NOTE] : [],
    ""
  ].join("\n");
}
var CRLF_NOTE = "> The patch is shown with LF line ends, but the intents file uses CRLF: `git apply --ignore-whitespace` applies it (its new lines with LF), and `intent-drift check --fix` makes the same edit keeping CRLF.";
function shownPatch(patch) {
  return patch.split("\n").map((line) => showControlChars(line.endsWith("\r") ? line.slice(0, -1) : line)).join("\n");
}
function patchTooLong(patch, documentName = "a comment", elsewhere = "it is in the job summary") {
  const size = patch === void 0 ? "" : ` (${patch.split("\n").length} lines)`;
  return `
> The suggested patch${size} is too long for ${documentName}: ${elsewhere}.
`;
}
function leftOutNote(count2, noPatch, listed = LEFT_OUT_IN_THE_LOG) {
  if (count2 <= 0) return "";
  const reasons = `${count2} ${count2 === 1 ? "reason" : "reasons"}: ${listed}`;
  return noPatch ? `
> **No suggested patch:** the intents editor cannot write this drift (${reasons}).
` : `
> **Not all of the drift is in the suggested patch:** the intents editor cannot write some of it (${reasons}).
`;
}
function longestBacktickRun2(text3) {
  let longest = 0;
  for (const run of text3.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

export {
  qualifiedName,
  targetName,
  plural,
  countLabel,
  isMap,
  isSeq,
  Document,
  cst_exports,
  parseDocument,
  parse,
  yamlDocumentText,
  requireKubeClientNode,
  validatePathPattern,
  refKey,
  parseBaseline,
  writeBaselineFile,
  DEFAULT_CONFIG_FILE,
  defaultDriftConfig,
  yamlTextOf,
  MAX_YAML_BYTES,
  parseYamlDocuments,
  tokenizeYaml,
  fail,
  child,
  parseDriftConfig,
  collectYamlFiles,
  isKubectlList,
  objectType,
  itemType,
  appliedObjects,
  INTENT_METHODS,
  SERVICE_LABEL,
  ISTIO_CLIENT_LABEL,
  formattedIdentityWithKind,
  workloadSelector,
  targetIdentity,
  policyName,
  readWorkloadManifests,
  buildPathTemplater,
  observeInScope,
  declare,
  readConfig,
  check,
  recheck,
  asControlled,
  splitStale,
  ignoredByText,
  wideningOf,
  coverageSummary,
  controlNotes,
  environmentOf,
  jsonCall,
  toJsonReport,
  jsonText,
  renderJsonReportChunks,
  assertDistinctOutputFiles,
  SOURCES,
  FAIL_ON2 as FAIL_ON,
  REPORT_FORMATS,
  LIST_FORMATS,
  EXPORT_FORMATS,
  API_VERSIONS,
  defaultSettings,
  namespaceList,
  buildClientIntents,
  renderIntentsFile,
  renderIntentsDir,
  FILE_HEADERS_ONLY,
  createTwoFilesPatch,
  patchLowerBound,
  planIntentsEdit,
  PATCH_OVER_ROOM,
  patchWithinRoom,
  MISSING_MEANS,
  STALE_MEANS,
  NOT_EXERCISED_MEANS,
  STALE_REASON_MEANS,
  NOT_CHECKED_MEANS,
  NO_HTTP_DETAIL,
  observedParts,
  sarifOutsideWarning,
  renderCiReport,
  codeSpan,
  cellCode,
  tableRow,
  graphOfMap,
  graphOfDrift,
  onlyDrift,
  renderSvg,
  renderPng,
  hasUsableFont,
  pictureText,
  escapeHtml,
  EDGE_STYLES,
  NODE_STYLES,
  renderGraphDot,
  COMMENT_MARKER,
  renderMarkdownReport,
  PATCH_TOO_LONG,
  patchRoom,
  renderComment,
  shownPatch
};
