/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const conclave = $root.conclave = (() => {

    /**
     * Namespace conclave.
     * @exports conclave
     * @namespace
     */
    const conclave = {};

    conclave.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof conclave
         * @namespace
         */
        const v1 = {};

        v1.Hello = (function() {

            /**
             * Properties of a Hello.
             * @memberof conclave.v1
             * @interface IHello
             * @property {number|null} [protocolVersion] Hello protocolVersion
             * @property {string|null} [sdkVersion] Hello sdkVersion
             * @property {Uint8Array|null} [publicKey] Hello publicKey
             * @property {string|null} [enrollmentToken] Hello enrollmentToken
             */

            /**
             * Constructs a new Hello.
             * @memberof conclave.v1
             * @classdesc Represents a Hello.
             * @implements IHello
             * @constructor
             * @param {conclave.v1.IHello=} [p] Properties to set
             */
            function Hello(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Hello protocolVersion.
             * @member {number} protocolVersion
             * @memberof conclave.v1.Hello
             * @instance
             */
            Hello.prototype.protocolVersion = 0;

            /**
             * Hello sdkVersion.
             * @member {string} sdkVersion
             * @memberof conclave.v1.Hello
             * @instance
             */
            Hello.prototype.sdkVersion = "";

            /**
             * Hello publicKey.
             * @member {Uint8Array} publicKey
             * @memberof conclave.v1.Hello
             * @instance
             */
            Hello.prototype.publicKey = $util.newBuffer([]);

            /**
             * Hello enrollmentToken.
             * @member {string} enrollmentToken
             * @memberof conclave.v1.Hello
             * @instance
             */
            Hello.prototype.enrollmentToken = "";

            /**
             * Creates a new Hello instance using the specified properties.
             * @function create
             * @memberof conclave.v1.Hello
             * @static
             * @param {conclave.v1.IHello=} [properties] Properties to set
             * @returns {conclave.v1.Hello} Hello instance
             */
            Hello.create = function create(properties) {
                return new Hello(properties);
            };

            /**
             * Encodes the specified Hello message. Does not implicitly {@link conclave.v1.Hello.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.Hello
             * @static
             * @param {conclave.v1.IHello} m Hello message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.protocolVersion != null && Object.hasOwnProperty.call(m, "protocolVersion"))
                    w.uint32(8).uint32(m.protocolVersion);
                if (m.sdkVersion != null && Object.hasOwnProperty.call(m, "sdkVersion"))
                    w.uint32(18).string(m.sdkVersion);
                if (m.publicKey != null && Object.hasOwnProperty.call(m, "publicKey"))
                    w.uint32(26).bytes(m.publicKey);
                if (m.enrollmentToken != null && Object.hasOwnProperty.call(m, "enrollmentToken"))
                    w.uint32(34).string(m.enrollmentToken);
                return w;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.Hello} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.Hello();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.protocolVersion = r.uint32();
                            break;
                        }
                    case 2: {
                            m.sdkVersion = r.string();
                            break;
                        }
                    case 3: {
                            m.publicKey = r.bytes();
                            break;
                        }
                    case 4: {
                            m.enrollmentToken = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for Hello
             * @function getTypeUrl
             * @memberof conclave.v1.Hello
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Hello.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.Hello";
            };

            return Hello;
        })();

        v1.Challenge = (function() {

            /**
             * Properties of a Challenge.
             * @memberof conclave.v1
             * @interface IChallenge
             * @property {Uint8Array|null} [nonce] Challenge nonce
             */

            /**
             * Constructs a new Challenge.
             * @memberof conclave.v1
             * @classdesc Represents a Challenge.
             * @implements IChallenge
             * @constructor
             * @param {conclave.v1.IChallenge=} [p] Properties to set
             */
            function Challenge(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Challenge nonce.
             * @member {Uint8Array} nonce
             * @memberof conclave.v1.Challenge
             * @instance
             */
            Challenge.prototype.nonce = $util.newBuffer([]);

            /**
             * Creates a new Challenge instance using the specified properties.
             * @function create
             * @memberof conclave.v1.Challenge
             * @static
             * @param {conclave.v1.IChallenge=} [properties] Properties to set
             * @returns {conclave.v1.Challenge} Challenge instance
             */
            Challenge.create = function create(properties) {
                return new Challenge(properties);
            };

            /**
             * Encodes the specified Challenge message. Does not implicitly {@link conclave.v1.Challenge.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.Challenge
             * @static
             * @param {conclave.v1.IChallenge} m Challenge message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Challenge.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.nonce != null && Object.hasOwnProperty.call(m, "nonce"))
                    w.uint32(10).bytes(m.nonce);
                return w;
            };

            /**
             * Decodes a Challenge message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.Challenge
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.Challenge} Challenge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Challenge.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.Challenge();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.nonce = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for Challenge
             * @function getTypeUrl
             * @memberof conclave.v1.Challenge
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Challenge.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.Challenge";
            };

            return Challenge;
        })();

        v1.Proof = (function() {

            /**
             * Properties of a Proof.
             * @memberof conclave.v1
             * @interface IProof
             * @property {Uint8Array|null} [signature] Proof signature
             */

            /**
             * Constructs a new Proof.
             * @memberof conclave.v1
             * @classdesc Represents a Proof.
             * @implements IProof
             * @constructor
             * @param {conclave.v1.IProof=} [p] Properties to set
             */
            function Proof(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Proof signature.
             * @member {Uint8Array} signature
             * @memberof conclave.v1.Proof
             * @instance
             */
            Proof.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new Proof instance using the specified properties.
             * @function create
             * @memberof conclave.v1.Proof
             * @static
             * @param {conclave.v1.IProof=} [properties] Properties to set
             * @returns {conclave.v1.Proof} Proof instance
             */
            Proof.create = function create(properties) {
                return new Proof(properties);
            };

            /**
             * Encodes the specified Proof message. Does not implicitly {@link conclave.v1.Proof.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.Proof
             * @static
             * @param {conclave.v1.IProof} m Proof message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Proof.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.signature != null && Object.hasOwnProperty.call(m, "signature"))
                    w.uint32(10).bytes(m.signature);
                return w;
            };

            /**
             * Decodes a Proof message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.Proof
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.Proof} Proof
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Proof.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.Proof();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.signature = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for Proof
             * @function getTypeUrl
             * @memberof conclave.v1.Proof
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Proof.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.Proof";
            };

            return Proof;
        })();

        v1.Welcome = (function() {

            /**
             * Properties of a Welcome.
             * @memberof conclave.v1
             * @interface IWelcome
             * @property {number|null} [protocolVersion] Welcome protocolVersion
             * @property {string|null} [sessionId] Welcome sessionId
             * @property {number|null} [heartbeatMs] Welcome heartbeatMs
             * @property {number|null} [maxFrameBytes] Welcome maxFrameBytes
             * @property {string|null} [deviceId] Welcome deviceId
             */

            /**
             * Constructs a new Welcome.
             * @memberof conclave.v1
             * @classdesc Represents a Welcome.
             * @implements IWelcome
             * @constructor
             * @param {conclave.v1.IWelcome=} [p] Properties to set
             */
            function Welcome(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Welcome protocolVersion.
             * @member {number} protocolVersion
             * @memberof conclave.v1.Welcome
             * @instance
             */
            Welcome.prototype.protocolVersion = 0;

            /**
             * Welcome sessionId.
             * @member {string} sessionId
             * @memberof conclave.v1.Welcome
             * @instance
             */
            Welcome.prototype.sessionId = "";

            /**
             * Welcome heartbeatMs.
             * @member {number} heartbeatMs
             * @memberof conclave.v1.Welcome
             * @instance
             */
            Welcome.prototype.heartbeatMs = 0;

            /**
             * Welcome maxFrameBytes.
             * @member {number} maxFrameBytes
             * @memberof conclave.v1.Welcome
             * @instance
             */
            Welcome.prototype.maxFrameBytes = 0;

            /**
             * Welcome deviceId.
             * @member {string} deviceId
             * @memberof conclave.v1.Welcome
             * @instance
             */
            Welcome.prototype.deviceId = "";

            /**
             * Creates a new Welcome instance using the specified properties.
             * @function create
             * @memberof conclave.v1.Welcome
             * @static
             * @param {conclave.v1.IWelcome=} [properties] Properties to set
             * @returns {conclave.v1.Welcome} Welcome instance
             */
            Welcome.create = function create(properties) {
                return new Welcome(properties);
            };

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link conclave.v1.Welcome.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.Welcome
             * @static
             * @param {conclave.v1.IWelcome} m Welcome message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.protocolVersion != null && Object.hasOwnProperty.call(m, "protocolVersion"))
                    w.uint32(8).uint32(m.protocolVersion);
                if (m.sessionId != null && Object.hasOwnProperty.call(m, "sessionId"))
                    w.uint32(18).string(m.sessionId);
                if (m.heartbeatMs != null && Object.hasOwnProperty.call(m, "heartbeatMs"))
                    w.uint32(24).uint32(m.heartbeatMs);
                if (m.maxFrameBytes != null && Object.hasOwnProperty.call(m, "maxFrameBytes"))
                    w.uint32(32).uint32(m.maxFrameBytes);
                if (m.deviceId != null && Object.hasOwnProperty.call(m, "deviceId"))
                    w.uint32(42).string(m.deviceId);
                return w;
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.Welcome} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.Welcome();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.protocolVersion = r.uint32();
                            break;
                        }
                    case 2: {
                            m.sessionId = r.string();
                            break;
                        }
                    case 3: {
                            m.heartbeatMs = r.uint32();
                            break;
                        }
                    case 4: {
                            m.maxFrameBytes = r.uint32();
                            break;
                        }
                    case 5: {
                            m.deviceId = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for Welcome
             * @function getTypeUrl
             * @memberof conclave.v1.Welcome
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Welcome.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.Welcome";
            };

            return Welcome;
        })();

        v1.Error = (function() {

            /**
             * Properties of an Error.
             * @memberof conclave.v1
             * @interface IError
             * @property {string|null} [code] Error code
             * @property {string|null} [message] Error message
             * @property {boolean|null} [fatal] Error fatal
             * @property {string|null} [taskId] Error taskId
             * @property {number|null} [round] Error round
             * @property {Uint8Array|null} [attemptId] Error attemptId
             */

            /**
             * Constructs a new Error.
             * @memberof conclave.v1
             * @classdesc Represents an Error.
             * @implements IError
             * @constructor
             * @param {conclave.v1.IError=} [p] Properties to set
             */
            function Error(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Error code.
             * @member {string} code
             * @memberof conclave.v1.Error
             * @instance
             */
            Error.prototype.code = "";

            /**
             * Error message.
             * @member {string} message
             * @memberof conclave.v1.Error
             * @instance
             */
            Error.prototype.message = "";

            /**
             * Error fatal.
             * @member {boolean} fatal
             * @memberof conclave.v1.Error
             * @instance
             */
            Error.prototype.fatal = false;

            /**
             * Error taskId.
             * @member {string} taskId
             * @memberof conclave.v1.Error
             * @instance
             */
            Error.prototype.taskId = "";

            /**
             * Error round.
             * @member {number} round
             * @memberof conclave.v1.Error
             * @instance
             */
            Error.prototype.round = 0;

            /**
             * Error attemptId.
             * @member {Uint8Array} attemptId
             * @memberof conclave.v1.Error
             * @instance
             */
            Error.prototype.attemptId = $util.newBuffer([]);

            /**
             * Creates a new Error instance using the specified properties.
             * @function create
             * @memberof conclave.v1.Error
             * @static
             * @param {conclave.v1.IError=} [properties] Properties to set
             * @returns {conclave.v1.Error} Error instance
             */
            Error.create = function create(properties) {
                return new Error(properties);
            };

            /**
             * Encodes the specified Error message. Does not implicitly {@link conclave.v1.Error.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.Error
             * @static
             * @param {conclave.v1.IError} m Error message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Error.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.code != null && Object.hasOwnProperty.call(m, "code"))
                    w.uint32(10).string(m.code);
                if (m.message != null && Object.hasOwnProperty.call(m, "message"))
                    w.uint32(18).string(m.message);
                if (m.fatal != null && Object.hasOwnProperty.call(m, "fatal"))
                    w.uint32(24).bool(m.fatal);
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(34).string(m.taskId);
                if (m.round != null && Object.hasOwnProperty.call(m, "round"))
                    w.uint32(40).uint32(m.round);
                if (m.attemptId != null && Object.hasOwnProperty.call(m, "attemptId"))
                    w.uint32(50).bytes(m.attemptId);
                return w;
            };

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.Error
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.Error} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Error.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.Error();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.code = r.string();
                            break;
                        }
                    case 2: {
                            m.message = r.string();
                            break;
                        }
                    case 3: {
                            m.fatal = r.bool();
                            break;
                        }
                    case 4: {
                            m.taskId = r.string();
                            break;
                        }
                    case 5: {
                            m.round = r.uint32();
                            break;
                        }
                    case 6: {
                            m.attemptId = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for Error
             * @function getTypeUrl
             * @memberof conclave.v1.Error
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Error.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.Error";
            };

            return Error;
        })();

        v1.CachedModel = (function() {

            /**
             * Properties of a CachedModel.
             * @memberof conclave.v1
             * @interface ICachedModel
             * @property {string|null} [taskId] CachedModel taskId
             * @property {number|null} [modelVersion] CachedModel modelVersion
             */

            /**
             * Constructs a new CachedModel.
             * @memberof conclave.v1
             * @classdesc Represents a CachedModel.
             * @implements ICachedModel
             * @constructor
             * @param {conclave.v1.ICachedModel=} [p] Properties to set
             */
            function CachedModel(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * CachedModel taskId.
             * @member {string} taskId
             * @memberof conclave.v1.CachedModel
             * @instance
             */
            CachedModel.prototype.taskId = "";

            /**
             * CachedModel modelVersion.
             * @member {number} modelVersion
             * @memberof conclave.v1.CachedModel
             * @instance
             */
            CachedModel.prototype.modelVersion = 0;

            /**
             * Creates a new CachedModel instance using the specified properties.
             * @function create
             * @memberof conclave.v1.CachedModel
             * @static
             * @param {conclave.v1.ICachedModel=} [properties] Properties to set
             * @returns {conclave.v1.CachedModel} CachedModel instance
             */
            CachedModel.create = function create(properties) {
                return new CachedModel(properties);
            };

            /**
             * Encodes the specified CachedModel message. Does not implicitly {@link conclave.v1.CachedModel.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.CachedModel
             * @static
             * @param {conclave.v1.ICachedModel} m CachedModel message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CachedModel.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(10).string(m.taskId);
                if (m.modelVersion != null && Object.hasOwnProperty.call(m, "modelVersion"))
                    w.uint32(16).uint32(m.modelVersion);
                return w;
            };

            /**
             * Decodes a CachedModel message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.CachedModel
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.CachedModel} CachedModel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CachedModel.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.CachedModel();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.taskId = r.string();
                            break;
                        }
                    case 2: {
                            m.modelVersion = r.uint32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for CachedModel
             * @function getTypeUrl
             * @memberof conclave.v1.CachedModel
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CachedModel.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.CachedModel";
            };

            return CachedModel;
        })();

        v1.CheckIn = (function() {

            /**
             * Properties of a CheckIn.
             * @memberof conclave.v1
             * @interface ICheckIn
             * @property {Array.<string>|null} [streams] CheckIn streams
             * @property {boolean|null} [eligible] CheckIn eligible
             * @property {Array.<conclave.v1.ICachedModel>|null} [cached] CheckIn cached
             * @property {number|null} [knownLogSize] CheckIn knownLogSize
             */

            /**
             * Constructs a new CheckIn.
             * @memberof conclave.v1
             * @classdesc Represents a CheckIn.
             * @implements ICheckIn
             * @constructor
             * @param {conclave.v1.ICheckIn=} [p] Properties to set
             */
            function CheckIn(p) {
                this.streams = [];
                this.cached = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * CheckIn streams.
             * @member {Array.<string>} streams
             * @memberof conclave.v1.CheckIn
             * @instance
             */
            CheckIn.prototype.streams = $util.emptyArray;

            /**
             * CheckIn eligible.
             * @member {boolean} eligible
             * @memberof conclave.v1.CheckIn
             * @instance
             */
            CheckIn.prototype.eligible = false;

            /**
             * CheckIn cached.
             * @member {Array.<conclave.v1.ICachedModel>} cached
             * @memberof conclave.v1.CheckIn
             * @instance
             */
            CheckIn.prototype.cached = $util.emptyArray;

            /**
             * CheckIn knownLogSize.
             * @member {number} knownLogSize
             * @memberof conclave.v1.CheckIn
             * @instance
             */
            CheckIn.prototype.knownLogSize = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new CheckIn instance using the specified properties.
             * @function create
             * @memberof conclave.v1.CheckIn
             * @static
             * @param {conclave.v1.ICheckIn=} [properties] Properties to set
             * @returns {conclave.v1.CheckIn} CheckIn instance
             */
            CheckIn.create = function create(properties) {
                return new CheckIn(properties);
            };

            /**
             * Encodes the specified CheckIn message. Does not implicitly {@link conclave.v1.CheckIn.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.CheckIn
             * @static
             * @param {conclave.v1.ICheckIn} m CheckIn message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CheckIn.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.streams != null && m.streams.length) {
                    for (var i = 0; i < m.streams.length; ++i)
                        w.uint32(10).string(m.streams[i]);
                }
                if (m.eligible != null && Object.hasOwnProperty.call(m, "eligible"))
                    w.uint32(16).bool(m.eligible);
                if (m.cached != null && m.cached.length) {
                    for (var i = 0; i < m.cached.length; ++i)
                        $root.conclave.v1.CachedModel.encode(m.cached[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                if (m.knownLogSize != null && Object.hasOwnProperty.call(m, "knownLogSize"))
                    w.uint32(80).uint64(m.knownLogSize);
                return w;
            };

            /**
             * Decodes a CheckIn message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.CheckIn
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.CheckIn} CheckIn
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CheckIn.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.CheckIn();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            if (!(m.streams && m.streams.length))
                                m.streams = [];
                            m.streams.push(r.string());
                            break;
                        }
                    case 2: {
                            m.eligible = r.bool();
                            break;
                        }
                    case 3: {
                            if (!(m.cached && m.cached.length))
                                m.cached = [];
                            m.cached.push($root.conclave.v1.CachedModel.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 10: {
                            m.knownLogSize = r.uint64();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for CheckIn
             * @function getTypeUrl
             * @memberof conclave.v1.CheckIn
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            CheckIn.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.CheckIn";
            };

            return CheckIn;
        })();

        v1.ComeBackLater = (function() {

            /**
             * Properties of a ComeBackLater.
             * @memberof conclave.v1
             * @interface IComeBackLater
             * @property {number|null} [retryAfterMs] ComeBackLater retryAfterMs
             * @property {string|null} [reason] ComeBackLater reason
             */

            /**
             * Constructs a new ComeBackLater.
             * @memberof conclave.v1
             * @classdesc Represents a ComeBackLater.
             * @implements IComeBackLater
             * @constructor
             * @param {conclave.v1.IComeBackLater=} [p] Properties to set
             */
            function ComeBackLater(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ComeBackLater retryAfterMs.
             * @member {number} retryAfterMs
             * @memberof conclave.v1.ComeBackLater
             * @instance
             */
            ComeBackLater.prototype.retryAfterMs = 0;

            /**
             * ComeBackLater reason.
             * @member {string} reason
             * @memberof conclave.v1.ComeBackLater
             * @instance
             */
            ComeBackLater.prototype.reason = "";

            /**
             * Creates a new ComeBackLater instance using the specified properties.
             * @function create
             * @memberof conclave.v1.ComeBackLater
             * @static
             * @param {conclave.v1.IComeBackLater=} [properties] Properties to set
             * @returns {conclave.v1.ComeBackLater} ComeBackLater instance
             */
            ComeBackLater.create = function create(properties) {
                return new ComeBackLater(properties);
            };

            /**
             * Encodes the specified ComeBackLater message. Does not implicitly {@link conclave.v1.ComeBackLater.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.ComeBackLater
             * @static
             * @param {conclave.v1.IComeBackLater} m ComeBackLater message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ComeBackLater.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.retryAfterMs != null && Object.hasOwnProperty.call(m, "retryAfterMs"))
                    w.uint32(8).uint32(m.retryAfterMs);
                if (m.reason != null && Object.hasOwnProperty.call(m, "reason"))
                    w.uint32(18).string(m.reason);
                return w;
            };

            /**
             * Decodes a ComeBackLater message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.ComeBackLater
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.ComeBackLater} ComeBackLater
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ComeBackLater.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.ComeBackLater();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.retryAfterMs = r.uint32();
                            break;
                        }
                    case 2: {
                            m.reason = r.string();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for ComeBackLater
             * @function getTypeUrl
             * @memberof conclave.v1.ComeBackLater
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ComeBackLater.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.ComeBackLater";
            };

            return ComeBackLater;
        })();

        v1.Plan = (function() {

            /**
             * Properties of a Plan.
             * @memberof conclave.v1
             * @interface IPlan
             * @property {conclave.v1.Plan.Kind|null} [kind] Plan kind
             * @property {string|null} [stream] Plan stream
             * @property {string|null} [purpose] Plan purpose
             * @property {number|null} [localEpochs] Plan localEpochs
             * @property {number|null} [batchSize] Plan batchSize
             * @property {number|null} [clientLearningRate] Plan clientLearningRate
             * @property {number|null} [proxMu] Plan proxMu
             * @property {string|null} [featuresJson] Plan featuresJson
             * @property {string|null} [topologyJson] Plan topologyJson
             * @property {string|null} [loss] Plan loss
             * @property {number|null} [evalFraction] Plan evalFraction
             * @property {number|null} [maxExamples] Plan maxExamples
             * @property {number|null} [clipNorm] Plan clipNorm
             * @property {number|null} [noiseMultiplier] Plan noiseMultiplier
             * @property {number|null} [samplingRate] Plan samplingRate
             * @property {boolean|null} [clipIndicator] Plan clipIndicator
             * @property {conclave.v1.IDistributedDp|null} [distributedDp] Plan distributedDp
             * @property {number|null} [minExamples] Plan minExamples
             * @property {number|null} [maxEvalExamples] Plan maxEvalExamples
             * @property {number|null} [participationLimit] Plan participationLimit
             */

            /**
             * Constructs a new Plan.
             * @memberof conclave.v1
             * @classdesc Represents a Plan.
             * @implements IPlan
             * @constructor
             * @param {conclave.v1.IPlan=} [p] Properties to set
             */
            function Plan(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Plan kind.
             * @member {conclave.v1.Plan.Kind} kind
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.kind = 0;

            /**
             * Plan stream.
             * @member {string} stream
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.stream = "";

            /**
             * Plan purpose.
             * @member {string} purpose
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.purpose = "";

            /**
             * Plan localEpochs.
             * @member {number} localEpochs
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.localEpochs = 0;

            /**
             * Plan batchSize.
             * @member {number} batchSize
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.batchSize = 0;

            /**
             * Plan clientLearningRate.
             * @member {number} clientLearningRate
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.clientLearningRate = 0;

            /**
             * Plan proxMu.
             * @member {number} proxMu
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.proxMu = 0;

            /**
             * Plan featuresJson.
             * @member {string} featuresJson
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.featuresJson = "";

            /**
             * Plan topologyJson.
             * @member {string} topologyJson
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.topologyJson = "";

            /**
             * Plan loss.
             * @member {string} loss
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.loss = "";

            /**
             * Plan evalFraction.
             * @member {number} evalFraction
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.evalFraction = 0;

            /**
             * Plan maxExamples.
             * @member {number} maxExamples
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.maxExamples = 0;

            /**
             * Plan clipNorm.
             * @member {number} clipNorm
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.clipNorm = 0;

            /**
             * Plan noiseMultiplier.
             * @member {number} noiseMultiplier
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.noiseMultiplier = 0;

            /**
             * Plan samplingRate.
             * @member {number} samplingRate
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.samplingRate = 0;

            /**
             * Plan clipIndicator.
             * @member {boolean} clipIndicator
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.clipIndicator = false;

            /**
             * Plan distributedDp.
             * @member {conclave.v1.IDistributedDp|null|undefined} distributedDp
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.distributedDp = null;

            /**
             * Plan minExamples.
             * @member {number} minExamples
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.minExamples = 0;

            /**
             * Plan maxEvalExamples.
             * @member {number} maxEvalExamples
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.maxEvalExamples = 0;

            /**
             * Plan participationLimit.
             * @member {number} participationLimit
             * @memberof conclave.v1.Plan
             * @instance
             */
            Plan.prototype.participationLimit = 0;

            /**
             * Creates a new Plan instance using the specified properties.
             * @function create
             * @memberof conclave.v1.Plan
             * @static
             * @param {conclave.v1.IPlan=} [properties] Properties to set
             * @returns {conclave.v1.Plan} Plan instance
             */
            Plan.create = function create(properties) {
                return new Plan(properties);
            };

            /**
             * Encodes the specified Plan message. Does not implicitly {@link conclave.v1.Plan.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.Plan
             * @static
             * @param {conclave.v1.IPlan} m Plan message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Plan.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.kind != null && Object.hasOwnProperty.call(m, "kind"))
                    w.uint32(8).int32(m.kind);
                if (m.stream != null && Object.hasOwnProperty.call(m, "stream"))
                    w.uint32(18).string(m.stream);
                if (m.purpose != null && Object.hasOwnProperty.call(m, "purpose"))
                    w.uint32(26).string(m.purpose);
                if (m.localEpochs != null && Object.hasOwnProperty.call(m, "localEpochs"))
                    w.uint32(32).uint32(m.localEpochs);
                if (m.batchSize != null && Object.hasOwnProperty.call(m, "batchSize"))
                    w.uint32(40).uint32(m.batchSize);
                if (m.clientLearningRate != null && Object.hasOwnProperty.call(m, "clientLearningRate"))
                    w.uint32(53).float(m.clientLearningRate);
                if (m.proxMu != null && Object.hasOwnProperty.call(m, "proxMu"))
                    w.uint32(61).float(m.proxMu);
                if (m.featuresJson != null && Object.hasOwnProperty.call(m, "featuresJson"))
                    w.uint32(66).string(m.featuresJson);
                if (m.topologyJson != null && Object.hasOwnProperty.call(m, "topologyJson"))
                    w.uint32(74).string(m.topologyJson);
                if (m.loss != null && Object.hasOwnProperty.call(m, "loss"))
                    w.uint32(82).string(m.loss);
                if (m.evalFraction != null && Object.hasOwnProperty.call(m, "evalFraction"))
                    w.uint32(93).float(m.evalFraction);
                if (m.maxExamples != null && Object.hasOwnProperty.call(m, "maxExamples"))
                    w.uint32(96).uint32(m.maxExamples);
                if (m.clipNorm != null && Object.hasOwnProperty.call(m, "clipNorm"))
                    w.uint32(109).float(m.clipNorm);
                if (m.noiseMultiplier != null && Object.hasOwnProperty.call(m, "noiseMultiplier"))
                    w.uint32(117).float(m.noiseMultiplier);
                if (m.samplingRate != null && Object.hasOwnProperty.call(m, "samplingRate"))
                    w.uint32(125).float(m.samplingRate);
                if (m.clipIndicator != null && Object.hasOwnProperty.call(m, "clipIndicator"))
                    w.uint32(128).bool(m.clipIndicator);
                if (m.distributedDp != null && Object.hasOwnProperty.call(m, "distributedDp"))
                    $root.conclave.v1.DistributedDp.encode(m.distributedDp, w.uint32(138).fork(), q + 1).ldelim();
                if (m.minExamples != null && Object.hasOwnProperty.call(m, "minExamples"))
                    w.uint32(144).uint32(m.minExamples);
                if (m.maxEvalExamples != null && Object.hasOwnProperty.call(m, "maxEvalExamples"))
                    w.uint32(240).uint32(m.maxEvalExamples);
                if (m.participationLimit != null && Object.hasOwnProperty.call(m, "participationLimit"))
                    w.uint32(248).uint32(m.participationLimit);
                return w;
            };

            /**
             * Decodes a Plan message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.Plan
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.Plan} Plan
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Plan.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.Plan();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.kind = r.int32();
                            break;
                        }
                    case 2: {
                            m.stream = r.string();
                            break;
                        }
                    case 3: {
                            m.purpose = r.string();
                            break;
                        }
                    case 4: {
                            m.localEpochs = r.uint32();
                            break;
                        }
                    case 5: {
                            m.batchSize = r.uint32();
                            break;
                        }
                    case 6: {
                            m.clientLearningRate = r.float();
                            break;
                        }
                    case 7: {
                            m.proxMu = r.float();
                            break;
                        }
                    case 8: {
                            m.featuresJson = r.string();
                            break;
                        }
                    case 9: {
                            m.topologyJson = r.string();
                            break;
                        }
                    case 10: {
                            m.loss = r.string();
                            break;
                        }
                    case 11: {
                            m.evalFraction = r.float();
                            break;
                        }
                    case 12: {
                            m.maxExamples = r.uint32();
                            break;
                        }
                    case 13: {
                            m.clipNorm = r.float();
                            break;
                        }
                    case 14: {
                            m.noiseMultiplier = r.float();
                            break;
                        }
                    case 15: {
                            m.samplingRate = r.float();
                            break;
                        }
                    case 16: {
                            m.clipIndicator = r.bool();
                            break;
                        }
                    case 17: {
                            m.distributedDp = $root.conclave.v1.DistributedDp.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 18: {
                            m.minExamples = r.uint32();
                            break;
                        }
                    case 30: {
                            m.maxEvalExamples = r.uint32();
                            break;
                        }
                    case 31: {
                            m.participationLimit = r.uint32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for Plan
             * @function getTypeUrl
             * @memberof conclave.v1.Plan
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Plan.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.Plan";
            };

            /**
             * Kind enum.
             * @name conclave.v1.Plan.Kind
             * @enum {number}
             * @property {number} TRAIN=0 TRAIN value
             * @property {number} EVALUATE=1 EVALUATE value
             */
            Plan.Kind = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "TRAIN"] = 0;
                values[valuesById[1] = "EVALUATE"] = 1;
                return values;
            })();

            return Plan;
        })();

        v1.DistributedDp = (function() {

            /**
             * Properties of a DistributedDp.
             * @memberof conclave.v1
             * @interface IDistributedDp
             * @property {number|null} [dimension] DistributedDp dimension
             * @property {number|null} [paddedDimension] DistributedDp paddedDimension
             * @property {number|null} [bits] DistributedDp bits
             * @property {number|null} [clipNorm] DistributedDp clipNorm
             * @property {number|null} [scale] DistributedDp scale
             * @property {number|null} [localSigma2] DistributedDp localSigma2
             * @property {number|null} [l2Sensitivity] DistributedDp l2Sensitivity
             * @property {number|null} [beta] DistributedDp beta
             * @property {number|null} [rotationSeed] DistributedDp rotationSeed
             */

            /**
             * Constructs a new DistributedDp.
             * @memberof conclave.v1
             * @classdesc Represents a DistributedDp.
             * @implements IDistributedDp
             * @constructor
             * @param {conclave.v1.IDistributedDp=} [p] Properties to set
             */
            function DistributedDp(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * DistributedDp dimension.
             * @member {number} dimension
             * @memberof conclave.v1.DistributedDp
             * @instance
             */
            DistributedDp.prototype.dimension = 0;

            /**
             * DistributedDp paddedDimension.
             * @member {number} paddedDimension
             * @memberof conclave.v1.DistributedDp
             * @instance
             */
            DistributedDp.prototype.paddedDimension = 0;

            /**
             * DistributedDp bits.
             * @member {number} bits
             * @memberof conclave.v1.DistributedDp
             * @instance
             */
            DistributedDp.prototype.bits = 0;

            /**
             * DistributedDp clipNorm.
             * @member {number} clipNorm
             * @memberof conclave.v1.DistributedDp
             * @instance
             */
            DistributedDp.prototype.clipNorm = 0;

            /**
             * DistributedDp scale.
             * @member {number} scale
             * @memberof conclave.v1.DistributedDp
             * @instance
             */
            DistributedDp.prototype.scale = 0;

            /**
             * DistributedDp localSigma2.
             * @member {number} localSigma2
             * @memberof conclave.v1.DistributedDp
             * @instance
             */
            DistributedDp.prototype.localSigma2 = 0;

            /**
             * DistributedDp l2Sensitivity.
             * @member {number} l2Sensitivity
             * @memberof conclave.v1.DistributedDp
             * @instance
             */
            DistributedDp.prototype.l2Sensitivity = 0;

            /**
             * DistributedDp beta.
             * @member {number} beta
             * @memberof conclave.v1.DistributedDp
             * @instance
             */
            DistributedDp.prototype.beta = 0;

            /**
             * DistributedDp rotationSeed.
             * @member {number} rotationSeed
             * @memberof conclave.v1.DistributedDp
             * @instance
             */
            DistributedDp.prototype.rotationSeed = 0;

            /**
             * Creates a new DistributedDp instance using the specified properties.
             * @function create
             * @memberof conclave.v1.DistributedDp
             * @static
             * @param {conclave.v1.IDistributedDp=} [properties] Properties to set
             * @returns {conclave.v1.DistributedDp} DistributedDp instance
             */
            DistributedDp.create = function create(properties) {
                return new DistributedDp(properties);
            };

            /**
             * Encodes the specified DistributedDp message. Does not implicitly {@link conclave.v1.DistributedDp.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.DistributedDp
             * @static
             * @param {conclave.v1.IDistributedDp} m DistributedDp message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DistributedDp.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.dimension != null && Object.hasOwnProperty.call(m, "dimension"))
                    w.uint32(8).uint32(m.dimension);
                if (m.paddedDimension != null && Object.hasOwnProperty.call(m, "paddedDimension"))
                    w.uint32(16).uint32(m.paddedDimension);
                if (m.bits != null && Object.hasOwnProperty.call(m, "bits"))
                    w.uint32(24).uint32(m.bits);
                if (m.clipNorm != null && Object.hasOwnProperty.call(m, "clipNorm"))
                    w.uint32(33).double(m.clipNorm);
                if (m.scale != null && Object.hasOwnProperty.call(m, "scale"))
                    w.uint32(41).double(m.scale);
                if (m.localSigma2 != null && Object.hasOwnProperty.call(m, "localSigma2"))
                    w.uint32(49).double(m.localSigma2);
                if (m.l2Sensitivity != null && Object.hasOwnProperty.call(m, "l2Sensitivity"))
                    w.uint32(57).double(m.l2Sensitivity);
                if (m.beta != null && Object.hasOwnProperty.call(m, "beta"))
                    w.uint32(65).double(m.beta);
                if (m.rotationSeed != null && Object.hasOwnProperty.call(m, "rotationSeed"))
                    w.uint32(72).uint32(m.rotationSeed);
                return w;
            };

            /**
             * Decodes a DistributedDp message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.DistributedDp
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.DistributedDp} DistributedDp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DistributedDp.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.DistributedDp();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.dimension = r.uint32();
                            break;
                        }
                    case 2: {
                            m.paddedDimension = r.uint32();
                            break;
                        }
                    case 3: {
                            m.bits = r.uint32();
                            break;
                        }
                    case 4: {
                            m.clipNorm = r.double();
                            break;
                        }
                    case 5: {
                            m.scale = r.double();
                            break;
                        }
                    case 6: {
                            m.localSigma2 = r.double();
                            break;
                        }
                    case 7: {
                            m.l2Sensitivity = r.double();
                            break;
                        }
                    case 8: {
                            m.beta = r.double();
                            break;
                        }
                    case 9: {
                            m.rotationSeed = r.uint32();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for DistributedDp
             * @function getTypeUrl
             * @memberof conclave.v1.DistributedDp
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            DistributedDp.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.DistributedDp";
            };

            return DistributedDp;
        })();

        v1.SecAggConfig = (function() {

            /**
             * Properties of a SecAggConfig.
             * @memberof conclave.v1
             * @interface ISecAggConfig
             * @property {Uint8Array|null} [roundId] SecAggConfig roundId
             * @property {number|null} [cohortSize] SecAggConfig cohortSize
             * @property {number|null} [vectorLength] SecAggConfig vectorLength
             * @property {number|null} [degree] SecAggConfig degree
             * @property {number|null} [threshold] SecAggConfig threshold
             * @property {Uint8Array|null} [graphSeed] SecAggConfig graphSeed
             * @property {boolean|null} [consistencyCheck] SecAggConfig consistencyCheck
             * @property {number|null} [minSurvivors] SecAggConfig minSurvivors
             * @property {number|null} [clientId] SecAggConfig clientId
             * @property {number|null} [clipRange] SecAggConfig clipRange
             * @property {number|null} [bits] SecAggConfig bits
             * @property {number|null} [maxWeight] SecAggConfig maxWeight
             * @property {Array.<Uint8Array>|null} [identityKeys] SecAggConfig identityKeys
             * @property {number|null} [metricsEntries] SecAggConfig metricsEntries
             * @property {Array.<conclave.v1.IRevocationList>|null} [revocationLists] SecAggConfig revocationLists
             */

            /**
             * Constructs a new SecAggConfig.
             * @memberof conclave.v1
             * @classdesc Represents a SecAggConfig.
             * @implements ISecAggConfig
             * @constructor
             * @param {conclave.v1.ISecAggConfig=} [p] Properties to set
             */
            function SecAggConfig(p) {
                this.identityKeys = [];
                this.revocationLists = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SecAggConfig roundId.
             * @member {Uint8Array} roundId
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.roundId = $util.newBuffer([]);

            /**
             * SecAggConfig cohortSize.
             * @member {number} cohortSize
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.cohortSize = 0;

            /**
             * SecAggConfig vectorLength.
             * @member {number} vectorLength
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.vectorLength = 0;

            /**
             * SecAggConfig degree.
             * @member {number} degree
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.degree = 0;

            /**
             * SecAggConfig threshold.
             * @member {number} threshold
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.threshold = 0;

            /**
             * SecAggConfig graphSeed.
             * @member {Uint8Array} graphSeed
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.graphSeed = $util.newBuffer([]);

            /**
             * SecAggConfig consistencyCheck.
             * @member {boolean} consistencyCheck
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.consistencyCheck = false;

            /**
             * SecAggConfig minSurvivors.
             * @member {number} minSurvivors
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.minSurvivors = 0;

            /**
             * SecAggConfig clientId.
             * @member {number} clientId
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.clientId = 0;

            /**
             * SecAggConfig clipRange.
             * @member {number} clipRange
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.clipRange = 0;

            /**
             * SecAggConfig bits.
             * @member {number} bits
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.bits = 0;

            /**
             * SecAggConfig maxWeight.
             * @member {number} maxWeight
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.maxWeight = 0;

            /**
             * SecAggConfig identityKeys.
             * @member {Array.<Uint8Array>} identityKeys
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.identityKeys = $util.emptyArray;

            /**
             * SecAggConfig metricsEntries.
             * @member {number} metricsEntries
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.metricsEntries = 0;

            /**
             * SecAggConfig revocationLists.
             * @member {Array.<conclave.v1.IRevocationList>} revocationLists
             * @memberof conclave.v1.SecAggConfig
             * @instance
             */
            SecAggConfig.prototype.revocationLists = $util.emptyArray;

            /**
             * Creates a new SecAggConfig instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SecAggConfig
             * @static
             * @param {conclave.v1.ISecAggConfig=} [properties] Properties to set
             * @returns {conclave.v1.SecAggConfig} SecAggConfig instance
             */
            SecAggConfig.create = function create(properties) {
                return new SecAggConfig(properties);
            };

            /**
             * Encodes the specified SecAggConfig message. Does not implicitly {@link conclave.v1.SecAggConfig.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SecAggConfig
             * @static
             * @param {conclave.v1.ISecAggConfig} m SecAggConfig message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SecAggConfig.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.roundId != null && Object.hasOwnProperty.call(m, "roundId"))
                    w.uint32(10).bytes(m.roundId);
                if (m.cohortSize != null && Object.hasOwnProperty.call(m, "cohortSize"))
                    w.uint32(16).uint32(m.cohortSize);
                if (m.vectorLength != null && Object.hasOwnProperty.call(m, "vectorLength"))
                    w.uint32(24).uint32(m.vectorLength);
                if (m.degree != null && Object.hasOwnProperty.call(m, "degree"))
                    w.uint32(32).uint32(m.degree);
                if (m.threshold != null && Object.hasOwnProperty.call(m, "threshold"))
                    w.uint32(40).uint32(m.threshold);
                if (m.graphSeed != null && Object.hasOwnProperty.call(m, "graphSeed"))
                    w.uint32(50).bytes(m.graphSeed);
                if (m.consistencyCheck != null && Object.hasOwnProperty.call(m, "consistencyCheck"))
                    w.uint32(56).bool(m.consistencyCheck);
                if (m.minSurvivors != null && Object.hasOwnProperty.call(m, "minSurvivors"))
                    w.uint32(64).uint32(m.minSurvivors);
                if (m.clientId != null && Object.hasOwnProperty.call(m, "clientId"))
                    w.uint32(72).uint32(m.clientId);
                if (m.clipRange != null && Object.hasOwnProperty.call(m, "clipRange"))
                    w.uint32(85).float(m.clipRange);
                if (m.bits != null && Object.hasOwnProperty.call(m, "bits"))
                    w.uint32(88).uint32(m.bits);
                if (m.maxWeight != null && Object.hasOwnProperty.call(m, "maxWeight"))
                    w.uint32(96).uint32(m.maxWeight);
                if (m.identityKeys != null && m.identityKeys.length) {
                    for (var i = 0; i < m.identityKeys.length; ++i)
                        w.uint32(106).bytes(m.identityKeys[i]);
                }
                if (m.metricsEntries != null && Object.hasOwnProperty.call(m, "metricsEntries"))
                    w.uint32(112).uint32(m.metricsEntries);
                if (m.revocationLists != null && m.revocationLists.length) {
                    for (var i = 0; i < m.revocationLists.length; ++i)
                        $root.conclave.v1.RevocationList.encode(m.revocationLists[i], w.uint32(122).fork(), q + 1).ldelim();
                }
                return w;
            };

            /**
             * Decodes a SecAggConfig message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SecAggConfig
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SecAggConfig} SecAggConfig
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SecAggConfig.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SecAggConfig();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.roundId = r.bytes();
                            break;
                        }
                    case 2: {
                            m.cohortSize = r.uint32();
                            break;
                        }
                    case 3: {
                            m.vectorLength = r.uint32();
                            break;
                        }
                    case 4: {
                            m.degree = r.uint32();
                            break;
                        }
                    case 5: {
                            m.threshold = r.uint32();
                            break;
                        }
                    case 6: {
                            m.graphSeed = r.bytes();
                            break;
                        }
                    case 7: {
                            m.consistencyCheck = r.bool();
                            break;
                        }
                    case 8: {
                            m.minSurvivors = r.uint32();
                            break;
                        }
                    case 9: {
                            m.clientId = r.uint32();
                            break;
                        }
                    case 10: {
                            m.clipRange = r.float();
                            break;
                        }
                    case 11: {
                            m.bits = r.uint32();
                            break;
                        }
                    case 12: {
                            m.maxWeight = r.uint32();
                            break;
                        }
                    case 13: {
                            if (!(m.identityKeys && m.identityKeys.length))
                                m.identityKeys = [];
                            m.identityKeys.push(r.bytes());
                            break;
                        }
                    case 14: {
                            m.metricsEntries = r.uint32();
                            break;
                        }
                    case 15: {
                            if (!(m.revocationLists && m.revocationLists.length))
                                m.revocationLists = [];
                            m.revocationLists.push($root.conclave.v1.RevocationList.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SecAggConfig
             * @function getTypeUrl
             * @memberof conclave.v1.SecAggConfig
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SecAggConfig.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SecAggConfig";
            };

            return SecAggConfig;
        })();

        v1.DeviceCertificate = (function() {

            /**
             * Properties of a DeviceCertificate.
             * @memberof conclave.v1
             * @interface IDeviceCertificate
             * @property {string|null} [deviceId] DeviceCertificate deviceId
             * @property {Uint8Array|null} [publicKey] DeviceCertificate publicKey
             * @property {number|null} [issuedAtMs] DeviceCertificate issuedAtMs
             * @property {number|null} [expiresAtMs] DeviceCertificate expiresAtMs
             * @property {Uint8Array|null} [authorityKey] DeviceCertificate authorityKey
             * @property {Uint8Array|null} [signature] DeviceCertificate signature
             */

            /**
             * Constructs a new DeviceCertificate.
             * @memberof conclave.v1
             * @classdesc Represents a DeviceCertificate.
             * @implements IDeviceCertificate
             * @constructor
             * @param {conclave.v1.IDeviceCertificate=} [p] Properties to set
             */
            function DeviceCertificate(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * DeviceCertificate deviceId.
             * @member {string} deviceId
             * @memberof conclave.v1.DeviceCertificate
             * @instance
             */
            DeviceCertificate.prototype.deviceId = "";

            /**
             * DeviceCertificate publicKey.
             * @member {Uint8Array} publicKey
             * @memberof conclave.v1.DeviceCertificate
             * @instance
             */
            DeviceCertificate.prototype.publicKey = $util.newBuffer([]);

            /**
             * DeviceCertificate issuedAtMs.
             * @member {number} issuedAtMs
             * @memberof conclave.v1.DeviceCertificate
             * @instance
             */
            DeviceCertificate.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DeviceCertificate expiresAtMs.
             * @member {number} expiresAtMs
             * @memberof conclave.v1.DeviceCertificate
             * @instance
             */
            DeviceCertificate.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DeviceCertificate authorityKey.
             * @member {Uint8Array} authorityKey
             * @memberof conclave.v1.DeviceCertificate
             * @instance
             */
            DeviceCertificate.prototype.authorityKey = $util.newBuffer([]);

            /**
             * DeviceCertificate signature.
             * @member {Uint8Array} signature
             * @memberof conclave.v1.DeviceCertificate
             * @instance
             */
            DeviceCertificate.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new DeviceCertificate instance using the specified properties.
             * @function create
             * @memberof conclave.v1.DeviceCertificate
             * @static
             * @param {conclave.v1.IDeviceCertificate=} [properties] Properties to set
             * @returns {conclave.v1.DeviceCertificate} DeviceCertificate instance
             */
            DeviceCertificate.create = function create(properties) {
                return new DeviceCertificate(properties);
            };

            /**
             * Encodes the specified DeviceCertificate message. Does not implicitly {@link conclave.v1.DeviceCertificate.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.DeviceCertificate
             * @static
             * @param {conclave.v1.IDeviceCertificate} m DeviceCertificate message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeviceCertificate.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.deviceId != null && Object.hasOwnProperty.call(m, "deviceId"))
                    w.uint32(10).string(m.deviceId);
                if (m.publicKey != null && Object.hasOwnProperty.call(m, "publicKey"))
                    w.uint32(18).bytes(m.publicKey);
                if (m.issuedAtMs != null && Object.hasOwnProperty.call(m, "issuedAtMs"))
                    w.uint32(24).uint64(m.issuedAtMs);
                if (m.expiresAtMs != null && Object.hasOwnProperty.call(m, "expiresAtMs"))
                    w.uint32(32).uint64(m.expiresAtMs);
                if (m.authorityKey != null && Object.hasOwnProperty.call(m, "authorityKey"))
                    w.uint32(42).bytes(m.authorityKey);
                if (m.signature != null && Object.hasOwnProperty.call(m, "signature"))
                    w.uint32(50).bytes(m.signature);
                return w;
            };

            /**
             * Decodes a DeviceCertificate message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.DeviceCertificate
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.DeviceCertificate} DeviceCertificate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeviceCertificate.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.DeviceCertificate();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.deviceId = r.string();
                            break;
                        }
                    case 2: {
                            m.publicKey = r.bytes();
                            break;
                        }
                    case 3: {
                            m.issuedAtMs = r.uint64();
                            break;
                        }
                    case 4: {
                            m.expiresAtMs = r.uint64();
                            break;
                        }
                    case 5: {
                            m.authorityKey = r.bytes();
                            break;
                        }
                    case 6: {
                            m.signature = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for DeviceCertificate
             * @function getTypeUrl
             * @memberof conclave.v1.DeviceCertificate
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            DeviceCertificate.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.DeviceCertificate";
            };

            return DeviceCertificate;
        })();

        v1.RevocationList = (function() {

            /**
             * Properties of a RevocationList.
             * @memberof conclave.v1
             * @interface IRevocationList
             * @property {Uint8Array|null} [authorityKey] RevocationList authorityKey
             * @property {number|null} [sequence] RevocationList sequence
             * @property {number|null} [issuedAtMs] RevocationList issuedAtMs
             * @property {Array.<string>|null} [revoked] RevocationList revoked
             * @property {Uint8Array|null} [signature] RevocationList signature
             */

            /**
             * Constructs a new RevocationList.
             * @memberof conclave.v1
             * @classdesc Represents a RevocationList.
             * @implements IRevocationList
             * @constructor
             * @param {conclave.v1.IRevocationList=} [p] Properties to set
             */
            function RevocationList(p) {
                this.revoked = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * RevocationList authorityKey.
             * @member {Uint8Array} authorityKey
             * @memberof conclave.v1.RevocationList
             * @instance
             */
            RevocationList.prototype.authorityKey = $util.newBuffer([]);

            /**
             * RevocationList sequence.
             * @member {number} sequence
             * @memberof conclave.v1.RevocationList
             * @instance
             */
            RevocationList.prototype.sequence = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RevocationList issuedAtMs.
             * @member {number} issuedAtMs
             * @memberof conclave.v1.RevocationList
             * @instance
             */
            RevocationList.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RevocationList revoked.
             * @member {Array.<string>} revoked
             * @memberof conclave.v1.RevocationList
             * @instance
             */
            RevocationList.prototype.revoked = $util.emptyArray;

            /**
             * RevocationList signature.
             * @member {Uint8Array} signature
             * @memberof conclave.v1.RevocationList
             * @instance
             */
            RevocationList.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new RevocationList instance using the specified properties.
             * @function create
             * @memberof conclave.v1.RevocationList
             * @static
             * @param {conclave.v1.IRevocationList=} [properties] Properties to set
             * @returns {conclave.v1.RevocationList} RevocationList instance
             */
            RevocationList.create = function create(properties) {
                return new RevocationList(properties);
            };

            /**
             * Encodes the specified RevocationList message. Does not implicitly {@link conclave.v1.RevocationList.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.RevocationList
             * @static
             * @param {conclave.v1.IRevocationList} m RevocationList message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RevocationList.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.authorityKey != null && Object.hasOwnProperty.call(m, "authorityKey"))
                    w.uint32(10).bytes(m.authorityKey);
                if (m.sequence != null && Object.hasOwnProperty.call(m, "sequence"))
                    w.uint32(16).uint64(m.sequence);
                if (m.issuedAtMs != null && Object.hasOwnProperty.call(m, "issuedAtMs"))
                    w.uint32(24).uint64(m.issuedAtMs);
                if (m.revoked != null && m.revoked.length) {
                    for (var i = 0; i < m.revoked.length; ++i)
                        w.uint32(34).string(m.revoked[i]);
                }
                if (m.signature != null && Object.hasOwnProperty.call(m, "signature"))
                    w.uint32(42).bytes(m.signature);
                return w;
            };

            /**
             * Decodes a RevocationList message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.RevocationList
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.RevocationList} RevocationList
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RevocationList.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.RevocationList();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.authorityKey = r.bytes();
                            break;
                        }
                    case 2: {
                            m.sequence = r.uint64();
                            break;
                        }
                    case 3: {
                            m.issuedAtMs = r.uint64();
                            break;
                        }
                    case 4: {
                            if (!(m.revoked && m.revoked.length))
                                m.revoked = [];
                            m.revoked.push(r.string());
                            break;
                        }
                    case 5: {
                            m.signature = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for RevocationList
             * @function getTypeUrl
             * @memberof conclave.v1.RevocationList
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            RevocationList.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.RevocationList";
            };

            return RevocationList;
        })();

        v1.SaPeerKeys = (function() {

            /**
             * Properties of a SaPeerKeys.
             * @memberof conclave.v1
             * @interface ISaPeerKeys
             * @property {number|null} [clientId] SaPeerKeys clientId
             * @property {Uint8Array|null} [encryptionPublicKey] SaPeerKeys encryptionPublicKey
             * @property {Uint8Array|null} [maskingPublicKey] SaPeerKeys maskingPublicKey
             * @property {Uint8Array|null} [identityPublicKey] SaPeerKeys identityPublicKey
             * @property {Uint8Array|null} [signature] SaPeerKeys signature
             * @property {conclave.v1.IDeviceCertificate|null} [certificate] SaPeerKeys certificate
             */

            /**
             * Constructs a new SaPeerKeys.
             * @memberof conclave.v1
             * @classdesc Represents a SaPeerKeys.
             * @implements ISaPeerKeys
             * @constructor
             * @param {conclave.v1.ISaPeerKeys=} [p] Properties to set
             */
            function SaPeerKeys(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaPeerKeys clientId.
             * @member {number} clientId
             * @memberof conclave.v1.SaPeerKeys
             * @instance
             */
            SaPeerKeys.prototype.clientId = 0;

            /**
             * SaPeerKeys encryptionPublicKey.
             * @member {Uint8Array} encryptionPublicKey
             * @memberof conclave.v1.SaPeerKeys
             * @instance
             */
            SaPeerKeys.prototype.encryptionPublicKey = $util.newBuffer([]);

            /**
             * SaPeerKeys maskingPublicKey.
             * @member {Uint8Array} maskingPublicKey
             * @memberof conclave.v1.SaPeerKeys
             * @instance
             */
            SaPeerKeys.prototype.maskingPublicKey = $util.newBuffer([]);

            /**
             * SaPeerKeys identityPublicKey.
             * @member {Uint8Array} identityPublicKey
             * @memberof conclave.v1.SaPeerKeys
             * @instance
             */
            SaPeerKeys.prototype.identityPublicKey = $util.newBuffer([]);

            /**
             * SaPeerKeys signature.
             * @member {Uint8Array} signature
             * @memberof conclave.v1.SaPeerKeys
             * @instance
             */
            SaPeerKeys.prototype.signature = $util.newBuffer([]);

            /**
             * SaPeerKeys certificate.
             * @member {conclave.v1.IDeviceCertificate|null|undefined} certificate
             * @memberof conclave.v1.SaPeerKeys
             * @instance
             */
            SaPeerKeys.prototype.certificate = null;

            /**
             * Creates a new SaPeerKeys instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaPeerKeys
             * @static
             * @param {conclave.v1.ISaPeerKeys=} [properties] Properties to set
             * @returns {conclave.v1.SaPeerKeys} SaPeerKeys instance
             */
            SaPeerKeys.create = function create(properties) {
                return new SaPeerKeys(properties);
            };

            /**
             * Encodes the specified SaPeerKeys message. Does not implicitly {@link conclave.v1.SaPeerKeys.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaPeerKeys
             * @static
             * @param {conclave.v1.ISaPeerKeys} m SaPeerKeys message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaPeerKeys.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.clientId != null && Object.hasOwnProperty.call(m, "clientId"))
                    w.uint32(8).uint32(m.clientId);
                if (m.encryptionPublicKey != null && Object.hasOwnProperty.call(m, "encryptionPublicKey"))
                    w.uint32(18).bytes(m.encryptionPublicKey);
                if (m.maskingPublicKey != null && Object.hasOwnProperty.call(m, "maskingPublicKey"))
                    w.uint32(26).bytes(m.maskingPublicKey);
                if (m.identityPublicKey != null && Object.hasOwnProperty.call(m, "identityPublicKey"))
                    w.uint32(34).bytes(m.identityPublicKey);
                if (m.signature != null && Object.hasOwnProperty.call(m, "signature"))
                    w.uint32(42).bytes(m.signature);
                if (m.certificate != null && Object.hasOwnProperty.call(m, "certificate"))
                    $root.conclave.v1.DeviceCertificate.encode(m.certificate, w.uint32(50).fork(), q + 1).ldelim();
                return w;
            };

            /**
             * Decodes a SaPeerKeys message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaPeerKeys
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaPeerKeys} SaPeerKeys
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaPeerKeys.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaPeerKeys();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.clientId = r.uint32();
                            break;
                        }
                    case 2: {
                            m.encryptionPublicKey = r.bytes();
                            break;
                        }
                    case 3: {
                            m.maskingPublicKey = r.bytes();
                            break;
                        }
                    case 4: {
                            m.identityPublicKey = r.bytes();
                            break;
                        }
                    case 5: {
                            m.signature = r.bytes();
                            break;
                        }
                    case 6: {
                            m.certificate = $root.conclave.v1.DeviceCertificate.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaPeerKeys
             * @function getTypeUrl
             * @memberof conclave.v1.SaPeerKeys
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaPeerKeys.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaPeerKeys";
            };

            return SaPeerKeys;
        })();

        v1.SaShare = (function() {

            /**
             * Properties of a SaShare.
             * @memberof conclave.v1
             * @interface ISaShare
             * @property {number|null} [peer] SaShare peer
             * @property {Uint8Array|null} [ciphertext] SaShare ciphertext
             */

            /**
             * Constructs a new SaShare.
             * @memberof conclave.v1
             * @classdesc Represents a SaShare.
             * @implements ISaShare
             * @constructor
             * @param {conclave.v1.ISaShare=} [p] Properties to set
             */
            function SaShare(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaShare peer.
             * @member {number} peer
             * @memberof conclave.v1.SaShare
             * @instance
             */
            SaShare.prototype.peer = 0;

            /**
             * SaShare ciphertext.
             * @member {Uint8Array} ciphertext
             * @memberof conclave.v1.SaShare
             * @instance
             */
            SaShare.prototype.ciphertext = $util.newBuffer([]);

            /**
             * Creates a new SaShare instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaShare
             * @static
             * @param {conclave.v1.ISaShare=} [properties] Properties to set
             * @returns {conclave.v1.SaShare} SaShare instance
             */
            SaShare.create = function create(properties) {
                return new SaShare(properties);
            };

            /**
             * Encodes the specified SaShare message. Does not implicitly {@link conclave.v1.SaShare.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaShare
             * @static
             * @param {conclave.v1.ISaShare} m SaShare message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaShare.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.peer != null && Object.hasOwnProperty.call(m, "peer"))
                    w.uint32(8).uint32(m.peer);
                if (m.ciphertext != null && Object.hasOwnProperty.call(m, "ciphertext"))
                    w.uint32(18).bytes(m.ciphertext);
                return w;
            };

            /**
             * Decodes a SaShare message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaShare
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaShare} SaShare
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaShare.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaShare();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.peer = r.uint32();
                            break;
                        }
                    case 2: {
                            m.ciphertext = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaShare
             * @function getTypeUrl
             * @memberof conclave.v1.SaShare
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaShare.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaShare";
            };

            return SaShare;
        })();

        v1.SaRevealedShare = (function() {

            /**
             * Properties of a SaRevealedShare.
             * @memberof conclave.v1
             * @interface ISaRevealedShare
             * @property {number|null} [owner] SaRevealedShare owner
             * @property {Uint8Array|null} [share] SaRevealedShare share
             */

            /**
             * Constructs a new SaRevealedShare.
             * @memberof conclave.v1
             * @classdesc Represents a SaRevealedShare.
             * @implements ISaRevealedShare
             * @constructor
             * @param {conclave.v1.ISaRevealedShare=} [p] Properties to set
             */
            function SaRevealedShare(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaRevealedShare owner.
             * @member {number} owner
             * @memberof conclave.v1.SaRevealedShare
             * @instance
             */
            SaRevealedShare.prototype.owner = 0;

            /**
             * SaRevealedShare share.
             * @member {Uint8Array} share
             * @memberof conclave.v1.SaRevealedShare
             * @instance
             */
            SaRevealedShare.prototype.share = $util.newBuffer([]);

            /**
             * Creates a new SaRevealedShare instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaRevealedShare
             * @static
             * @param {conclave.v1.ISaRevealedShare=} [properties] Properties to set
             * @returns {conclave.v1.SaRevealedShare} SaRevealedShare instance
             */
            SaRevealedShare.create = function create(properties) {
                return new SaRevealedShare(properties);
            };

            /**
             * Encodes the specified SaRevealedShare message. Does not implicitly {@link conclave.v1.SaRevealedShare.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaRevealedShare
             * @static
             * @param {conclave.v1.ISaRevealedShare} m SaRevealedShare message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaRevealedShare.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.owner != null && Object.hasOwnProperty.call(m, "owner"))
                    w.uint32(8).uint32(m.owner);
                if (m.share != null && Object.hasOwnProperty.call(m, "share"))
                    w.uint32(18).bytes(m.share);
                return w;
            };

            /**
             * Decodes a SaRevealedShare message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaRevealedShare
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaRevealedShare} SaRevealedShare
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaRevealedShare.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaRevealedShare();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.owner = r.uint32();
                            break;
                        }
                    case 2: {
                            m.share = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaRevealedShare
             * @function getTypeUrl
             * @memberof conclave.v1.SaRevealedShare
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaRevealedShare.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaRevealedShare";
            };

            return SaRevealedShare;
        })();

        v1.SaPeerSignature = (function() {

            /**
             * Properties of a SaPeerSignature.
             * @memberof conclave.v1
             * @interface ISaPeerSignature
             * @property {number|null} [clientId] SaPeerSignature clientId
             * @property {Uint8Array|null} [signature] SaPeerSignature signature
             */

            /**
             * Constructs a new SaPeerSignature.
             * @memberof conclave.v1
             * @classdesc Represents a SaPeerSignature.
             * @implements ISaPeerSignature
             * @constructor
             * @param {conclave.v1.ISaPeerSignature=} [p] Properties to set
             */
            function SaPeerSignature(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaPeerSignature clientId.
             * @member {number} clientId
             * @memberof conclave.v1.SaPeerSignature
             * @instance
             */
            SaPeerSignature.prototype.clientId = 0;

            /**
             * SaPeerSignature signature.
             * @member {Uint8Array} signature
             * @memberof conclave.v1.SaPeerSignature
             * @instance
             */
            SaPeerSignature.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new SaPeerSignature instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaPeerSignature
             * @static
             * @param {conclave.v1.ISaPeerSignature=} [properties] Properties to set
             * @returns {conclave.v1.SaPeerSignature} SaPeerSignature instance
             */
            SaPeerSignature.create = function create(properties) {
                return new SaPeerSignature(properties);
            };

            /**
             * Encodes the specified SaPeerSignature message. Does not implicitly {@link conclave.v1.SaPeerSignature.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaPeerSignature
             * @static
             * @param {conclave.v1.ISaPeerSignature} m SaPeerSignature message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaPeerSignature.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.clientId != null && Object.hasOwnProperty.call(m, "clientId"))
                    w.uint32(8).uint32(m.clientId);
                if (m.signature != null && Object.hasOwnProperty.call(m, "signature"))
                    w.uint32(18).bytes(m.signature);
                return w;
            };

            /**
             * Decodes a SaPeerSignature message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaPeerSignature
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaPeerSignature} SaPeerSignature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaPeerSignature.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaPeerSignature();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.clientId = r.uint32();
                            break;
                        }
                    case 2: {
                            m.signature = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaPeerSignature
             * @function getTypeUrl
             * @memberof conclave.v1.SaPeerSignature
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaPeerSignature.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaPeerSignature";
            };

            return SaPeerSignature;
        })();

        v1.SecAgg = (function() {

            /**
             * Properties of a SecAgg.
             * @memberof conclave.v1
             * @interface ISecAgg
             * @property {string|null} [taskId] SecAgg taskId
             * @property {number|null} [round] SecAgg round
             * @property {Uint8Array|null} [roundId] SecAgg roundId
             * @property {Uint8Array|null} [attemptId] SecAgg attemptId
             * @property {conclave.v1.ISaAdvertiseKeys|null} [advertiseKeys] SecAgg advertiseKeys
             * @property {conclave.v1.ISaShareKeys|null} [shareKeys] SecAgg shareKeys
             * @property {conclave.v1.ISaConsistencySignature|null} [consistencySignature] SecAgg consistencySignature
             * @property {conclave.v1.ISaUnmaskShares|null} [unmaskShares] SecAgg unmaskShares
             * @property {conclave.v1.ISaKeysBroadcast|null} [keysBroadcast] SecAgg keysBroadcast
             * @property {conclave.v1.ISaSharesBroadcast|null} [sharesBroadcast] SecAgg sharesBroadcast
             * @property {conclave.v1.ISaConsistencyRequest|null} [consistencyRequest] SecAgg consistencyRequest
             * @property {conclave.v1.ISaUnmaskRequest|null} [unmaskRequest] SecAgg unmaskRequest
             */

            /**
             * Constructs a new SecAgg.
             * @memberof conclave.v1
             * @classdesc Represents a SecAgg.
             * @implements ISecAgg
             * @constructor
             * @param {conclave.v1.ISecAgg=} [p] Properties to set
             */
            function SecAgg(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SecAgg taskId.
             * @member {string} taskId
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.taskId = "";

            /**
             * SecAgg round.
             * @member {number} round
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.round = 0;

            /**
             * SecAgg roundId.
             * @member {Uint8Array} roundId
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.roundId = $util.newBuffer([]);

            /**
             * SecAgg attemptId.
             * @member {Uint8Array} attemptId
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.attemptId = $util.newBuffer([]);

            /**
             * SecAgg advertiseKeys.
             * @member {conclave.v1.ISaAdvertiseKeys|null|undefined} advertiseKeys
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.advertiseKeys = null;

            /**
             * SecAgg shareKeys.
             * @member {conclave.v1.ISaShareKeys|null|undefined} shareKeys
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.shareKeys = null;

            /**
             * SecAgg consistencySignature.
             * @member {conclave.v1.ISaConsistencySignature|null|undefined} consistencySignature
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.consistencySignature = null;

            /**
             * SecAgg unmaskShares.
             * @member {conclave.v1.ISaUnmaskShares|null|undefined} unmaskShares
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.unmaskShares = null;

            /**
             * SecAgg keysBroadcast.
             * @member {conclave.v1.ISaKeysBroadcast|null|undefined} keysBroadcast
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.keysBroadcast = null;

            /**
             * SecAgg sharesBroadcast.
             * @member {conclave.v1.ISaSharesBroadcast|null|undefined} sharesBroadcast
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.sharesBroadcast = null;

            /**
             * SecAgg consistencyRequest.
             * @member {conclave.v1.ISaConsistencyRequest|null|undefined} consistencyRequest
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.consistencyRequest = null;

            /**
             * SecAgg unmaskRequest.
             * @member {conclave.v1.ISaUnmaskRequest|null|undefined} unmaskRequest
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            SecAgg.prototype.unmaskRequest = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * SecAgg step.
             * @member {"advertiseKeys"|"shareKeys"|"consistencySignature"|"unmaskShares"|"keysBroadcast"|"sharesBroadcast"|"consistencyRequest"|"unmaskRequest"|undefined} step
             * @memberof conclave.v1.SecAgg
             * @instance
             */
            Object.defineProperty(SecAgg.prototype, "step", {
                get: $util.oneOfGetter($oneOfFields = ["advertiseKeys", "shareKeys", "consistencySignature", "unmaskShares", "keysBroadcast", "sharesBroadcast", "consistencyRequest", "unmaskRequest"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new SecAgg instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SecAgg
             * @static
             * @param {conclave.v1.ISecAgg=} [properties] Properties to set
             * @returns {conclave.v1.SecAgg} SecAgg instance
             */
            SecAgg.create = function create(properties) {
                return new SecAgg(properties);
            };

            /**
             * Encodes the specified SecAgg message. Does not implicitly {@link conclave.v1.SecAgg.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SecAgg
             * @static
             * @param {conclave.v1.ISecAgg} m SecAgg message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SecAgg.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(10).string(m.taskId);
                if (m.round != null && Object.hasOwnProperty.call(m, "round"))
                    w.uint32(16).uint32(m.round);
                if (m.roundId != null && Object.hasOwnProperty.call(m, "roundId"))
                    w.uint32(26).bytes(m.roundId);
                if (m.advertiseKeys != null && Object.hasOwnProperty.call(m, "advertiseKeys"))
                    $root.conclave.v1.SaAdvertiseKeys.encode(m.advertiseKeys, w.uint32(34).fork(), q + 1).ldelim();
                if (m.shareKeys != null && Object.hasOwnProperty.call(m, "shareKeys"))
                    $root.conclave.v1.SaShareKeys.encode(m.shareKeys, w.uint32(42).fork(), q + 1).ldelim();
                if (m.consistencySignature != null && Object.hasOwnProperty.call(m, "consistencySignature"))
                    $root.conclave.v1.SaConsistencySignature.encode(m.consistencySignature, w.uint32(50).fork(), q + 1).ldelim();
                if (m.unmaskShares != null && Object.hasOwnProperty.call(m, "unmaskShares"))
                    $root.conclave.v1.SaUnmaskShares.encode(m.unmaskShares, w.uint32(58).fork(), q + 1).ldelim();
                if (m.keysBroadcast != null && Object.hasOwnProperty.call(m, "keysBroadcast"))
                    $root.conclave.v1.SaKeysBroadcast.encode(m.keysBroadcast, w.uint32(66).fork(), q + 1).ldelim();
                if (m.sharesBroadcast != null && Object.hasOwnProperty.call(m, "sharesBroadcast"))
                    $root.conclave.v1.SaSharesBroadcast.encode(m.sharesBroadcast, w.uint32(74).fork(), q + 1).ldelim();
                if (m.consistencyRequest != null && Object.hasOwnProperty.call(m, "consistencyRequest"))
                    $root.conclave.v1.SaConsistencyRequest.encode(m.consistencyRequest, w.uint32(82).fork(), q + 1).ldelim();
                if (m.unmaskRequest != null && Object.hasOwnProperty.call(m, "unmaskRequest"))
                    $root.conclave.v1.SaUnmaskRequest.encode(m.unmaskRequest, w.uint32(90).fork(), q + 1).ldelim();
                if (m.attemptId != null && Object.hasOwnProperty.call(m, "attemptId"))
                    w.uint32(98).bytes(m.attemptId);
                return w;
            };

            /**
             * Decodes a SecAgg message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SecAgg
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SecAgg} SecAgg
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SecAgg.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SecAgg();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.taskId = r.string();
                            break;
                        }
                    case 2: {
                            m.round = r.uint32();
                            break;
                        }
                    case 3: {
                            m.roundId = r.bytes();
                            break;
                        }
                    case 12: {
                            m.attemptId = r.bytes();
                            break;
                        }
                    case 4: {
                            m.advertiseKeys = $root.conclave.v1.SaAdvertiseKeys.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 5: {
                            m.shareKeys = $root.conclave.v1.SaShareKeys.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 6: {
                            m.consistencySignature = $root.conclave.v1.SaConsistencySignature.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 7: {
                            m.unmaskShares = $root.conclave.v1.SaUnmaskShares.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 8: {
                            m.keysBroadcast = $root.conclave.v1.SaKeysBroadcast.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 9: {
                            m.sharesBroadcast = $root.conclave.v1.SaSharesBroadcast.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 10: {
                            m.consistencyRequest = $root.conclave.v1.SaConsistencyRequest.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 11: {
                            m.unmaskRequest = $root.conclave.v1.SaUnmaskRequest.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SecAgg
             * @function getTypeUrl
             * @memberof conclave.v1.SecAgg
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SecAgg.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SecAgg";
            };

            return SecAgg;
        })();

        v1.SaAdvertiseKeys = (function() {

            /**
             * Properties of a SaAdvertiseKeys.
             * @memberof conclave.v1
             * @interface ISaAdvertiseKeys
             * @property {Uint8Array|null} [encryptionPublicKey] SaAdvertiseKeys encryptionPublicKey
             * @property {Uint8Array|null} [maskingPublicKey] SaAdvertiseKeys maskingPublicKey
             * @property {Uint8Array|null} [identityPublicKey] SaAdvertiseKeys identityPublicKey
             * @property {Uint8Array|null} [signature] SaAdvertiseKeys signature
             */

            /**
             * Constructs a new SaAdvertiseKeys.
             * @memberof conclave.v1
             * @classdesc Represents a SaAdvertiseKeys.
             * @implements ISaAdvertiseKeys
             * @constructor
             * @param {conclave.v1.ISaAdvertiseKeys=} [p] Properties to set
             */
            function SaAdvertiseKeys(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaAdvertiseKeys encryptionPublicKey.
             * @member {Uint8Array} encryptionPublicKey
             * @memberof conclave.v1.SaAdvertiseKeys
             * @instance
             */
            SaAdvertiseKeys.prototype.encryptionPublicKey = $util.newBuffer([]);

            /**
             * SaAdvertiseKeys maskingPublicKey.
             * @member {Uint8Array} maskingPublicKey
             * @memberof conclave.v1.SaAdvertiseKeys
             * @instance
             */
            SaAdvertiseKeys.prototype.maskingPublicKey = $util.newBuffer([]);

            /**
             * SaAdvertiseKeys identityPublicKey.
             * @member {Uint8Array} identityPublicKey
             * @memberof conclave.v1.SaAdvertiseKeys
             * @instance
             */
            SaAdvertiseKeys.prototype.identityPublicKey = $util.newBuffer([]);

            /**
             * SaAdvertiseKeys signature.
             * @member {Uint8Array} signature
             * @memberof conclave.v1.SaAdvertiseKeys
             * @instance
             */
            SaAdvertiseKeys.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new SaAdvertiseKeys instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaAdvertiseKeys
             * @static
             * @param {conclave.v1.ISaAdvertiseKeys=} [properties] Properties to set
             * @returns {conclave.v1.SaAdvertiseKeys} SaAdvertiseKeys instance
             */
            SaAdvertiseKeys.create = function create(properties) {
                return new SaAdvertiseKeys(properties);
            };

            /**
             * Encodes the specified SaAdvertiseKeys message. Does not implicitly {@link conclave.v1.SaAdvertiseKeys.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaAdvertiseKeys
             * @static
             * @param {conclave.v1.ISaAdvertiseKeys} m SaAdvertiseKeys message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaAdvertiseKeys.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.encryptionPublicKey != null && Object.hasOwnProperty.call(m, "encryptionPublicKey"))
                    w.uint32(10).bytes(m.encryptionPublicKey);
                if (m.maskingPublicKey != null && Object.hasOwnProperty.call(m, "maskingPublicKey"))
                    w.uint32(18).bytes(m.maskingPublicKey);
                if (m.identityPublicKey != null && Object.hasOwnProperty.call(m, "identityPublicKey"))
                    w.uint32(26).bytes(m.identityPublicKey);
                if (m.signature != null && Object.hasOwnProperty.call(m, "signature"))
                    w.uint32(34).bytes(m.signature);
                return w;
            };

            /**
             * Decodes a SaAdvertiseKeys message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaAdvertiseKeys
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaAdvertiseKeys} SaAdvertiseKeys
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaAdvertiseKeys.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaAdvertiseKeys();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.encryptionPublicKey = r.bytes();
                            break;
                        }
                    case 2: {
                            m.maskingPublicKey = r.bytes();
                            break;
                        }
                    case 3: {
                            m.identityPublicKey = r.bytes();
                            break;
                        }
                    case 4: {
                            m.signature = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaAdvertiseKeys
             * @function getTypeUrl
             * @memberof conclave.v1.SaAdvertiseKeys
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaAdvertiseKeys.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaAdvertiseKeys";
            };

            return SaAdvertiseKeys;
        })();

        v1.SaShareKeys = (function() {

            /**
             * Properties of a SaShareKeys.
             * @memberof conclave.v1
             * @interface ISaShareKeys
             * @property {Array.<conclave.v1.ISaShare>|null} [shares] SaShareKeys shares
             */

            /**
             * Constructs a new SaShareKeys.
             * @memberof conclave.v1
             * @classdesc Represents a SaShareKeys.
             * @implements ISaShareKeys
             * @constructor
             * @param {conclave.v1.ISaShareKeys=} [p] Properties to set
             */
            function SaShareKeys(p) {
                this.shares = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaShareKeys shares.
             * @member {Array.<conclave.v1.ISaShare>} shares
             * @memberof conclave.v1.SaShareKeys
             * @instance
             */
            SaShareKeys.prototype.shares = $util.emptyArray;

            /**
             * Creates a new SaShareKeys instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaShareKeys
             * @static
             * @param {conclave.v1.ISaShareKeys=} [properties] Properties to set
             * @returns {conclave.v1.SaShareKeys} SaShareKeys instance
             */
            SaShareKeys.create = function create(properties) {
                return new SaShareKeys(properties);
            };

            /**
             * Encodes the specified SaShareKeys message. Does not implicitly {@link conclave.v1.SaShareKeys.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaShareKeys
             * @static
             * @param {conclave.v1.ISaShareKeys} m SaShareKeys message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaShareKeys.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.shares != null && m.shares.length) {
                    for (var i = 0; i < m.shares.length; ++i)
                        $root.conclave.v1.SaShare.encode(m.shares[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                return w;
            };

            /**
             * Decodes a SaShareKeys message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaShareKeys
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaShareKeys} SaShareKeys
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaShareKeys.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaShareKeys();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            if (!(m.shares && m.shares.length))
                                m.shares = [];
                            m.shares.push($root.conclave.v1.SaShare.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaShareKeys
             * @function getTypeUrl
             * @memberof conclave.v1.SaShareKeys
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaShareKeys.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaShareKeys";
            };

            return SaShareKeys;
        })();

        v1.SaConsistencySignature = (function() {

            /**
             * Properties of a SaConsistencySignature.
             * @memberof conclave.v1
             * @interface ISaConsistencySignature
             * @property {Uint8Array|null} [signature] SaConsistencySignature signature
             */

            /**
             * Constructs a new SaConsistencySignature.
             * @memberof conclave.v1
             * @classdesc Represents a SaConsistencySignature.
             * @implements ISaConsistencySignature
             * @constructor
             * @param {conclave.v1.ISaConsistencySignature=} [p] Properties to set
             */
            function SaConsistencySignature(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaConsistencySignature signature.
             * @member {Uint8Array} signature
             * @memberof conclave.v1.SaConsistencySignature
             * @instance
             */
            SaConsistencySignature.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new SaConsistencySignature instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaConsistencySignature
             * @static
             * @param {conclave.v1.ISaConsistencySignature=} [properties] Properties to set
             * @returns {conclave.v1.SaConsistencySignature} SaConsistencySignature instance
             */
            SaConsistencySignature.create = function create(properties) {
                return new SaConsistencySignature(properties);
            };

            /**
             * Encodes the specified SaConsistencySignature message. Does not implicitly {@link conclave.v1.SaConsistencySignature.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaConsistencySignature
             * @static
             * @param {conclave.v1.ISaConsistencySignature} m SaConsistencySignature message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaConsistencySignature.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.signature != null && Object.hasOwnProperty.call(m, "signature"))
                    w.uint32(10).bytes(m.signature);
                return w;
            };

            /**
             * Decodes a SaConsistencySignature message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaConsistencySignature
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaConsistencySignature} SaConsistencySignature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaConsistencySignature.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaConsistencySignature();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.signature = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaConsistencySignature
             * @function getTypeUrl
             * @memberof conclave.v1.SaConsistencySignature
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaConsistencySignature.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaConsistencySignature";
            };

            return SaConsistencySignature;
        })();

        v1.SaUnmaskShares = (function() {

            /**
             * Properties of a SaUnmaskShares.
             * @memberof conclave.v1
             * @interface ISaUnmaskShares
             * @property {Array.<conclave.v1.ISaRevealedShare>|null} [selfMaskShares] SaUnmaskShares selfMaskShares
             * @property {Array.<conclave.v1.ISaRevealedShare>|null} [pairwiseKeyShares] SaUnmaskShares pairwiseKeyShares
             */

            /**
             * Constructs a new SaUnmaskShares.
             * @memberof conclave.v1
             * @classdesc Represents a SaUnmaskShares.
             * @implements ISaUnmaskShares
             * @constructor
             * @param {conclave.v1.ISaUnmaskShares=} [p] Properties to set
             */
            function SaUnmaskShares(p) {
                this.selfMaskShares = [];
                this.pairwiseKeyShares = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaUnmaskShares selfMaskShares.
             * @member {Array.<conclave.v1.ISaRevealedShare>} selfMaskShares
             * @memberof conclave.v1.SaUnmaskShares
             * @instance
             */
            SaUnmaskShares.prototype.selfMaskShares = $util.emptyArray;

            /**
             * SaUnmaskShares pairwiseKeyShares.
             * @member {Array.<conclave.v1.ISaRevealedShare>} pairwiseKeyShares
             * @memberof conclave.v1.SaUnmaskShares
             * @instance
             */
            SaUnmaskShares.prototype.pairwiseKeyShares = $util.emptyArray;

            /**
             * Creates a new SaUnmaskShares instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaUnmaskShares
             * @static
             * @param {conclave.v1.ISaUnmaskShares=} [properties] Properties to set
             * @returns {conclave.v1.SaUnmaskShares} SaUnmaskShares instance
             */
            SaUnmaskShares.create = function create(properties) {
                return new SaUnmaskShares(properties);
            };

            /**
             * Encodes the specified SaUnmaskShares message. Does not implicitly {@link conclave.v1.SaUnmaskShares.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaUnmaskShares
             * @static
             * @param {conclave.v1.ISaUnmaskShares} m SaUnmaskShares message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaUnmaskShares.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.selfMaskShares != null && m.selfMaskShares.length) {
                    for (var i = 0; i < m.selfMaskShares.length; ++i)
                        $root.conclave.v1.SaRevealedShare.encode(m.selfMaskShares[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                if (m.pairwiseKeyShares != null && m.pairwiseKeyShares.length) {
                    for (var i = 0; i < m.pairwiseKeyShares.length; ++i)
                        $root.conclave.v1.SaRevealedShare.encode(m.pairwiseKeyShares[i], w.uint32(18).fork(), q + 1).ldelim();
                }
                return w;
            };

            /**
             * Decodes a SaUnmaskShares message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaUnmaskShares
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaUnmaskShares} SaUnmaskShares
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaUnmaskShares.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaUnmaskShares();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            if (!(m.selfMaskShares && m.selfMaskShares.length))
                                m.selfMaskShares = [];
                            m.selfMaskShares.push($root.conclave.v1.SaRevealedShare.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    case 2: {
                            if (!(m.pairwiseKeyShares && m.pairwiseKeyShares.length))
                                m.pairwiseKeyShares = [];
                            m.pairwiseKeyShares.push($root.conclave.v1.SaRevealedShare.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaUnmaskShares
             * @function getTypeUrl
             * @memberof conclave.v1.SaUnmaskShares
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaUnmaskShares.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaUnmaskShares";
            };

            return SaUnmaskShares;
        })();

        v1.SaKeysBroadcast = (function() {

            /**
             * Properties of a SaKeysBroadcast.
             * @memberof conclave.v1
             * @interface ISaKeysBroadcast
             * @property {Array.<conclave.v1.ISaPeerKeys>|null} [peers] SaKeysBroadcast peers
             */

            /**
             * Constructs a new SaKeysBroadcast.
             * @memberof conclave.v1
             * @classdesc Represents a SaKeysBroadcast.
             * @implements ISaKeysBroadcast
             * @constructor
             * @param {conclave.v1.ISaKeysBroadcast=} [p] Properties to set
             */
            function SaKeysBroadcast(p) {
                this.peers = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaKeysBroadcast peers.
             * @member {Array.<conclave.v1.ISaPeerKeys>} peers
             * @memberof conclave.v1.SaKeysBroadcast
             * @instance
             */
            SaKeysBroadcast.prototype.peers = $util.emptyArray;

            /**
             * Creates a new SaKeysBroadcast instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaKeysBroadcast
             * @static
             * @param {conclave.v1.ISaKeysBroadcast=} [properties] Properties to set
             * @returns {conclave.v1.SaKeysBroadcast} SaKeysBroadcast instance
             */
            SaKeysBroadcast.create = function create(properties) {
                return new SaKeysBroadcast(properties);
            };

            /**
             * Encodes the specified SaKeysBroadcast message. Does not implicitly {@link conclave.v1.SaKeysBroadcast.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaKeysBroadcast
             * @static
             * @param {conclave.v1.ISaKeysBroadcast} m SaKeysBroadcast message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaKeysBroadcast.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.peers != null && m.peers.length) {
                    for (var i = 0; i < m.peers.length; ++i)
                        $root.conclave.v1.SaPeerKeys.encode(m.peers[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                return w;
            };

            /**
             * Decodes a SaKeysBroadcast message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaKeysBroadcast
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaKeysBroadcast} SaKeysBroadcast
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaKeysBroadcast.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaKeysBroadcast();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            if (!(m.peers && m.peers.length))
                                m.peers = [];
                            m.peers.push($root.conclave.v1.SaPeerKeys.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaKeysBroadcast
             * @function getTypeUrl
             * @memberof conclave.v1.SaKeysBroadcast
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaKeysBroadcast.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaKeysBroadcast";
            };

            return SaKeysBroadcast;
        })();

        v1.SaSharesBroadcast = (function() {

            /**
             * Properties of a SaSharesBroadcast.
             * @memberof conclave.v1
             * @interface ISaSharesBroadcast
             * @property {Array.<conclave.v1.ISaShare>|null} [shares] SaSharesBroadcast shares
             */

            /**
             * Constructs a new SaSharesBroadcast.
             * @memberof conclave.v1
             * @classdesc Represents a SaSharesBroadcast.
             * @implements ISaSharesBroadcast
             * @constructor
             * @param {conclave.v1.ISaSharesBroadcast=} [p] Properties to set
             */
            function SaSharesBroadcast(p) {
                this.shares = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaSharesBroadcast shares.
             * @member {Array.<conclave.v1.ISaShare>} shares
             * @memberof conclave.v1.SaSharesBroadcast
             * @instance
             */
            SaSharesBroadcast.prototype.shares = $util.emptyArray;

            /**
             * Creates a new SaSharesBroadcast instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaSharesBroadcast
             * @static
             * @param {conclave.v1.ISaSharesBroadcast=} [properties] Properties to set
             * @returns {conclave.v1.SaSharesBroadcast} SaSharesBroadcast instance
             */
            SaSharesBroadcast.create = function create(properties) {
                return new SaSharesBroadcast(properties);
            };

            /**
             * Encodes the specified SaSharesBroadcast message. Does not implicitly {@link conclave.v1.SaSharesBroadcast.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaSharesBroadcast
             * @static
             * @param {conclave.v1.ISaSharesBroadcast} m SaSharesBroadcast message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaSharesBroadcast.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.shares != null && m.shares.length) {
                    for (var i = 0; i < m.shares.length; ++i)
                        $root.conclave.v1.SaShare.encode(m.shares[i], w.uint32(10).fork(), q + 1).ldelim();
                }
                return w;
            };

            /**
             * Decodes a SaSharesBroadcast message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaSharesBroadcast
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaSharesBroadcast} SaSharesBroadcast
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaSharesBroadcast.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaSharesBroadcast();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            if (!(m.shares && m.shares.length))
                                m.shares = [];
                            m.shares.push($root.conclave.v1.SaShare.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaSharesBroadcast
             * @function getTypeUrl
             * @memberof conclave.v1.SaSharesBroadcast
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaSharesBroadcast.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaSharesBroadcast";
            };

            return SaSharesBroadcast;
        })();

        v1.SaConsistencyRequest = (function() {

            /**
             * Properties of a SaConsistencyRequest.
             * @memberof conclave.v1
             * @interface ISaConsistencyRequest
             * @property {Array.<number>|null} [survivors] SaConsistencyRequest survivors
             */

            /**
             * Constructs a new SaConsistencyRequest.
             * @memberof conclave.v1
             * @classdesc Represents a SaConsistencyRequest.
             * @implements ISaConsistencyRequest
             * @constructor
             * @param {conclave.v1.ISaConsistencyRequest=} [p] Properties to set
             */
            function SaConsistencyRequest(p) {
                this.survivors = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaConsistencyRequest survivors.
             * @member {Array.<number>} survivors
             * @memberof conclave.v1.SaConsistencyRequest
             * @instance
             */
            SaConsistencyRequest.prototype.survivors = $util.emptyArray;

            /**
             * Creates a new SaConsistencyRequest instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaConsistencyRequest
             * @static
             * @param {conclave.v1.ISaConsistencyRequest=} [properties] Properties to set
             * @returns {conclave.v1.SaConsistencyRequest} SaConsistencyRequest instance
             */
            SaConsistencyRequest.create = function create(properties) {
                return new SaConsistencyRequest(properties);
            };

            /**
             * Encodes the specified SaConsistencyRequest message. Does not implicitly {@link conclave.v1.SaConsistencyRequest.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaConsistencyRequest
             * @static
             * @param {conclave.v1.ISaConsistencyRequest} m SaConsistencyRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaConsistencyRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.survivors != null && m.survivors.length) {
                    w.uint32(10).fork();
                    for (var i = 0; i < m.survivors.length; ++i)
                        w.uint32(m.survivors[i]);
                    w.ldelim();
                }
                return w;
            };

            /**
             * Decodes a SaConsistencyRequest message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaConsistencyRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaConsistencyRequest} SaConsistencyRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaConsistencyRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaConsistencyRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            if (!(m.survivors && m.survivors.length))
                                m.survivors = [];
                            if ((t & 7) === 2) {
                                var c2 = r.uint32() + r.pos;
                                if (c2 > r.len)
                                    throw RangeError("index out of range");
                                r.len = c2;
                                while (r.pos < c2)
                                    m.survivors.push(r.uint32());
                                if (r.pos !== c2)
                                    throw RangeError("index out of range");
                                r.len = c;
                            } else
                                m.survivors.push(r.uint32());
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaConsistencyRequest
             * @function getTypeUrl
             * @memberof conclave.v1.SaConsistencyRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaConsistencyRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaConsistencyRequest";
            };

            return SaConsistencyRequest;
        })();

        v1.SaUnmaskRequest = (function() {

            /**
             * Properties of a SaUnmaskRequest.
             * @memberof conclave.v1
             * @interface ISaUnmaskRequest
             * @property {Array.<number>|null} [survivors] SaUnmaskRequest survivors
             * @property {Array.<number>|null} [dropped] SaUnmaskRequest dropped
             * @property {Array.<conclave.v1.ISaPeerSignature>|null} [signatures] SaUnmaskRequest signatures
             */

            /**
             * Constructs a new SaUnmaskRequest.
             * @memberof conclave.v1
             * @classdesc Represents a SaUnmaskRequest.
             * @implements ISaUnmaskRequest
             * @constructor
             * @param {conclave.v1.ISaUnmaskRequest=} [p] Properties to set
             */
            function SaUnmaskRequest(p) {
                this.survivors = [];
                this.dropped = [];
                this.signatures = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SaUnmaskRequest survivors.
             * @member {Array.<number>} survivors
             * @memberof conclave.v1.SaUnmaskRequest
             * @instance
             */
            SaUnmaskRequest.prototype.survivors = $util.emptyArray;

            /**
             * SaUnmaskRequest dropped.
             * @member {Array.<number>} dropped
             * @memberof conclave.v1.SaUnmaskRequest
             * @instance
             */
            SaUnmaskRequest.prototype.dropped = $util.emptyArray;

            /**
             * SaUnmaskRequest signatures.
             * @member {Array.<conclave.v1.ISaPeerSignature>} signatures
             * @memberof conclave.v1.SaUnmaskRequest
             * @instance
             */
            SaUnmaskRequest.prototype.signatures = $util.emptyArray;

            /**
             * Creates a new SaUnmaskRequest instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SaUnmaskRequest
             * @static
             * @param {conclave.v1.ISaUnmaskRequest=} [properties] Properties to set
             * @returns {conclave.v1.SaUnmaskRequest} SaUnmaskRequest instance
             */
            SaUnmaskRequest.create = function create(properties) {
                return new SaUnmaskRequest(properties);
            };

            /**
             * Encodes the specified SaUnmaskRequest message. Does not implicitly {@link conclave.v1.SaUnmaskRequest.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SaUnmaskRequest
             * @static
             * @param {conclave.v1.ISaUnmaskRequest} m SaUnmaskRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SaUnmaskRequest.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.survivors != null && m.survivors.length) {
                    w.uint32(10).fork();
                    for (var i = 0; i < m.survivors.length; ++i)
                        w.uint32(m.survivors[i]);
                    w.ldelim();
                }
                if (m.dropped != null && m.dropped.length) {
                    w.uint32(18).fork();
                    for (var i = 0; i < m.dropped.length; ++i)
                        w.uint32(m.dropped[i]);
                    w.ldelim();
                }
                if (m.signatures != null && m.signatures.length) {
                    for (var i = 0; i < m.signatures.length; ++i)
                        $root.conclave.v1.SaPeerSignature.encode(m.signatures[i], w.uint32(26).fork(), q + 1).ldelim();
                }
                return w;
            };

            /**
             * Decodes a SaUnmaskRequest message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SaUnmaskRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SaUnmaskRequest} SaUnmaskRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SaUnmaskRequest.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SaUnmaskRequest();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            if (!(m.survivors && m.survivors.length))
                                m.survivors = [];
                            if ((t & 7) === 2) {
                                var c2 = r.uint32() + r.pos;
                                if (c2 > r.len)
                                    throw RangeError("index out of range");
                                r.len = c2;
                                while (r.pos < c2)
                                    m.survivors.push(r.uint32());
                                if (r.pos !== c2)
                                    throw RangeError("index out of range");
                                r.len = c;
                            } else
                                m.survivors.push(r.uint32());
                            break;
                        }
                    case 2: {
                            if (!(m.dropped && m.dropped.length))
                                m.dropped = [];
                            if ((t & 7) === 2) {
                                var c2 = r.uint32() + r.pos;
                                if (c2 > r.len)
                                    throw RangeError("index out of range");
                                r.len = c2;
                                while (r.pos < c2)
                                    m.dropped.push(r.uint32());
                                if (r.pos !== c2)
                                    throw RangeError("index out of range");
                                r.len = c;
                            } else
                                m.dropped.push(r.uint32());
                            break;
                        }
                    case 3: {
                            if (!(m.signatures && m.signatures.length))
                                m.signatures = [];
                            m.signatures.push($root.conclave.v1.SaPeerSignature.decode(r, r.uint32(), undefined, n + 1));
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SaUnmaskRequest
             * @function getTypeUrl
             * @memberof conclave.v1.SaUnmaskRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SaUnmaskRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SaUnmaskRequest";
            };

            return SaUnmaskRequest;
        })();

        v1.Selected = (function() {

            /**
             * Properties of a Selected.
             * @memberof conclave.v1
             * @interface ISelected
             * @property {string|null} [taskId] Selected taskId
             * @property {number|null} [round] Selected round
             * @property {number|null} [modelVersion] Selected modelVersion
             * @property {conclave.v1.IPlan|null} [plan] Selected plan
             * @property {number|null} [modelBytes] Selected modelBytes
             * @property {boolean|null} [modelCached] Selected modelCached
             * @property {number|null} [reportDeadlineMs] Selected reportDeadlineMs
             * @property {conclave.v1.ISecAggConfig|null} [secagg] Selected secagg
             * @property {conclave.v1.ITaskApproval|null} [approval] Selected approval
             * @property {conclave.v1.ILogProof|null} [logProof] Selected logProof
             * @property {Uint8Array|null} [attemptId] Selected attemptId
             */

            /**
             * Constructs a new Selected.
             * @memberof conclave.v1
             * @classdesc Represents a Selected.
             * @implements ISelected
             * @constructor
             * @param {conclave.v1.ISelected=} [p] Properties to set
             */
            function Selected(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Selected taskId.
             * @member {string} taskId
             * @memberof conclave.v1.Selected
             * @instance
             */
            Selected.prototype.taskId = "";

            /**
             * Selected round.
             * @member {number} round
             * @memberof conclave.v1.Selected
             * @instance
             */
            Selected.prototype.round = 0;

            /**
             * Selected modelVersion.
             * @member {number} modelVersion
             * @memberof conclave.v1.Selected
             * @instance
             */
            Selected.prototype.modelVersion = 0;

            /**
             * Selected plan.
             * @member {conclave.v1.IPlan|null|undefined} plan
             * @memberof conclave.v1.Selected
             * @instance
             */
            Selected.prototype.plan = null;

            /**
             * Selected modelBytes.
             * @member {number} modelBytes
             * @memberof conclave.v1.Selected
             * @instance
             */
            Selected.prototype.modelBytes = 0;

            /**
             * Selected modelCached.
             * @member {boolean} modelCached
             * @memberof conclave.v1.Selected
             * @instance
             */
            Selected.prototype.modelCached = false;

            /**
             * Selected reportDeadlineMs.
             * @member {number} reportDeadlineMs
             * @memberof conclave.v1.Selected
             * @instance
             */
            Selected.prototype.reportDeadlineMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Selected secagg.
             * @member {conclave.v1.ISecAggConfig|null|undefined} secagg
             * @memberof conclave.v1.Selected
             * @instance
             */
            Selected.prototype.secagg = null;

            /**
             * Selected approval.
             * @member {conclave.v1.ITaskApproval|null|undefined} approval
             * @memberof conclave.v1.Selected
             * @instance
             */
            Selected.prototype.approval = null;

            /**
             * Selected logProof.
             * @member {conclave.v1.ILogProof|null|undefined} logProof
             * @memberof conclave.v1.Selected
             * @instance
             */
            Selected.prototype.logProof = null;

            /**
             * Selected attemptId.
             * @member {Uint8Array} attemptId
             * @memberof conclave.v1.Selected
             * @instance
             */
            Selected.prototype.attemptId = $util.newBuffer([]);

            /**
             * Creates a new Selected instance using the specified properties.
             * @function create
             * @memberof conclave.v1.Selected
             * @static
             * @param {conclave.v1.ISelected=} [properties] Properties to set
             * @returns {conclave.v1.Selected} Selected instance
             */
            Selected.create = function create(properties) {
                return new Selected(properties);
            };

            /**
             * Encodes the specified Selected message. Does not implicitly {@link conclave.v1.Selected.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.Selected
             * @static
             * @param {conclave.v1.ISelected} m Selected message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Selected.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(10).string(m.taskId);
                if (m.round != null && Object.hasOwnProperty.call(m, "round"))
                    w.uint32(16).uint32(m.round);
                if (m.modelVersion != null && Object.hasOwnProperty.call(m, "modelVersion"))
                    w.uint32(24).uint32(m.modelVersion);
                if (m.plan != null && Object.hasOwnProperty.call(m, "plan"))
                    $root.conclave.v1.Plan.encode(m.plan, w.uint32(34).fork(), q + 1).ldelim();
                if (m.modelBytes != null && Object.hasOwnProperty.call(m, "modelBytes"))
                    w.uint32(40).uint32(m.modelBytes);
                if (m.modelCached != null && Object.hasOwnProperty.call(m, "modelCached"))
                    w.uint32(48).bool(m.modelCached);
                if (m.reportDeadlineMs != null && Object.hasOwnProperty.call(m, "reportDeadlineMs"))
                    w.uint32(56).uint64(m.reportDeadlineMs);
                if (m.secagg != null && Object.hasOwnProperty.call(m, "secagg"))
                    $root.conclave.v1.SecAggConfig.encode(m.secagg, w.uint32(66).fork(), q + 1).ldelim();
                if (m.approval != null && Object.hasOwnProperty.call(m, "approval"))
                    $root.conclave.v1.TaskApproval.encode(m.approval, w.uint32(74).fork(), q + 1).ldelim();
                if (m.logProof != null && Object.hasOwnProperty.call(m, "logProof"))
                    $root.conclave.v1.LogProof.encode(m.logProof, w.uint32(82).fork(), q + 1).ldelim();
                if (m.attemptId != null && Object.hasOwnProperty.call(m, "attemptId"))
                    w.uint32(90).bytes(m.attemptId);
                return w;
            };

            /**
             * Decodes a Selected message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.Selected
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.Selected} Selected
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Selected.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.Selected();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.taskId = r.string();
                            break;
                        }
                    case 2: {
                            m.round = r.uint32();
                            break;
                        }
                    case 3: {
                            m.modelVersion = r.uint32();
                            break;
                        }
                    case 4: {
                            m.plan = $root.conclave.v1.Plan.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 5: {
                            m.modelBytes = r.uint32();
                            break;
                        }
                    case 6: {
                            m.modelCached = r.bool();
                            break;
                        }
                    case 7: {
                            m.reportDeadlineMs = r.uint64();
                            break;
                        }
                    case 8: {
                            m.secagg = $root.conclave.v1.SecAggConfig.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 9: {
                            m.approval = $root.conclave.v1.TaskApproval.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 10: {
                            m.logProof = $root.conclave.v1.LogProof.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 11: {
                            m.attemptId = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for Selected
             * @function getTypeUrl
             * @memberof conclave.v1.Selected
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Selected.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.Selected";
            };

            return Selected;
        })();

        v1.TaskApproval = (function() {

            /**
             * Properties of a TaskApproval.
             * @memberof conclave.v1
             * @interface ITaskApproval
             * @property {string|null} [statementJson] TaskApproval statementJson
             * @property {Uint8Array|null} [signature] TaskApproval signature
             */

            /**
             * Constructs a new TaskApproval.
             * @memberof conclave.v1
             * @classdesc Represents a TaskApproval.
             * @implements ITaskApproval
             * @constructor
             * @param {conclave.v1.ITaskApproval=} [p] Properties to set
             */
            function TaskApproval(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * TaskApproval statementJson.
             * @member {string} statementJson
             * @memberof conclave.v1.TaskApproval
             * @instance
             */
            TaskApproval.prototype.statementJson = "";

            /**
             * TaskApproval signature.
             * @member {Uint8Array} signature
             * @memberof conclave.v1.TaskApproval
             * @instance
             */
            TaskApproval.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new TaskApproval instance using the specified properties.
             * @function create
             * @memberof conclave.v1.TaskApproval
             * @static
             * @param {conclave.v1.ITaskApproval=} [properties] Properties to set
             * @returns {conclave.v1.TaskApproval} TaskApproval instance
             */
            TaskApproval.create = function create(properties) {
                return new TaskApproval(properties);
            };

            /**
             * Encodes the specified TaskApproval message. Does not implicitly {@link conclave.v1.TaskApproval.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.TaskApproval
             * @static
             * @param {conclave.v1.ITaskApproval} m TaskApproval message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TaskApproval.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.statementJson != null && Object.hasOwnProperty.call(m, "statementJson"))
                    w.uint32(10).string(m.statementJson);
                if (m.signature != null && Object.hasOwnProperty.call(m, "signature"))
                    w.uint32(18).bytes(m.signature);
                return w;
            };

            /**
             * Decodes a TaskApproval message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.TaskApproval
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.TaskApproval} TaskApproval
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TaskApproval.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.TaskApproval();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.statementJson = r.string();
                            break;
                        }
                    case 2: {
                            m.signature = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for TaskApproval
             * @function getTypeUrl
             * @memberof conclave.v1.TaskApproval
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            TaskApproval.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.TaskApproval";
            };

            return TaskApproval;
        })();

        v1.SignedTreeHead = (function() {

            /**
             * Properties of a SignedTreeHead.
             * @memberof conclave.v1
             * @interface ISignedTreeHead
             * @property {number|null} [size] SignedTreeHead size
             * @property {Uint8Array|null} [rootHash] SignedTreeHead rootHash
             * @property {number|null} [timestampMs] SignedTreeHead timestampMs
             * @property {Uint8Array|null} [approverKey] SignedTreeHead approverKey
             * @property {Uint8Array|null} [signature] SignedTreeHead signature
             */

            /**
             * Constructs a new SignedTreeHead.
             * @memberof conclave.v1
             * @classdesc Represents a SignedTreeHead.
             * @implements ISignedTreeHead
             * @constructor
             * @param {conclave.v1.ISignedTreeHead=} [p] Properties to set
             */
            function SignedTreeHead(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * SignedTreeHead size.
             * @member {number} size
             * @memberof conclave.v1.SignedTreeHead
             * @instance
             */
            SignedTreeHead.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SignedTreeHead rootHash.
             * @member {Uint8Array} rootHash
             * @memberof conclave.v1.SignedTreeHead
             * @instance
             */
            SignedTreeHead.prototype.rootHash = $util.newBuffer([]);

            /**
             * SignedTreeHead timestampMs.
             * @member {number} timestampMs
             * @memberof conclave.v1.SignedTreeHead
             * @instance
             */
            SignedTreeHead.prototype.timestampMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SignedTreeHead approverKey.
             * @member {Uint8Array} approverKey
             * @memberof conclave.v1.SignedTreeHead
             * @instance
             */
            SignedTreeHead.prototype.approverKey = $util.newBuffer([]);

            /**
             * SignedTreeHead signature.
             * @member {Uint8Array} signature
             * @memberof conclave.v1.SignedTreeHead
             * @instance
             */
            SignedTreeHead.prototype.signature = $util.newBuffer([]);

            /**
             * Creates a new SignedTreeHead instance using the specified properties.
             * @function create
             * @memberof conclave.v1.SignedTreeHead
             * @static
             * @param {conclave.v1.ISignedTreeHead=} [properties] Properties to set
             * @returns {conclave.v1.SignedTreeHead} SignedTreeHead instance
             */
            SignedTreeHead.create = function create(properties) {
                return new SignedTreeHead(properties);
            };

            /**
             * Encodes the specified SignedTreeHead message. Does not implicitly {@link conclave.v1.SignedTreeHead.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.SignedTreeHead
             * @static
             * @param {conclave.v1.ISignedTreeHead} m SignedTreeHead message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignedTreeHead.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.size != null && Object.hasOwnProperty.call(m, "size"))
                    w.uint32(8).uint64(m.size);
                if (m.rootHash != null && Object.hasOwnProperty.call(m, "rootHash"))
                    w.uint32(18).bytes(m.rootHash);
                if (m.timestampMs != null && Object.hasOwnProperty.call(m, "timestampMs"))
                    w.uint32(24).uint64(m.timestampMs);
                if (m.approverKey != null && Object.hasOwnProperty.call(m, "approverKey"))
                    w.uint32(34).bytes(m.approverKey);
                if (m.signature != null && Object.hasOwnProperty.call(m, "signature"))
                    w.uint32(42).bytes(m.signature);
                return w;
            };

            /**
             * Decodes a SignedTreeHead message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.SignedTreeHead
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.SignedTreeHead} SignedTreeHead
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignedTreeHead.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.SignedTreeHead();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.size = r.uint64();
                            break;
                        }
                    case 2: {
                            m.rootHash = r.bytes();
                            break;
                        }
                    case 3: {
                            m.timestampMs = r.uint64();
                            break;
                        }
                    case 4: {
                            m.approverKey = r.bytes();
                            break;
                        }
                    case 5: {
                            m.signature = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for SignedTreeHead
             * @function getTypeUrl
             * @memberof conclave.v1.SignedTreeHead
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            SignedTreeHead.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.SignedTreeHead";
            };

            return SignedTreeHead;
        })();

        v1.LogProof = (function() {

            /**
             * Properties of a LogProof.
             * @memberof conclave.v1
             * @interface ILogProof
             * @property {conclave.v1.ISignedTreeHead|null} [head] LogProof head
             * @property {number|null} [leafIndex] LogProof leafIndex
             * @property {Array.<Uint8Array>|null} [inclusion] LogProof inclusion
             * @property {number|null} [consistencyFrom] LogProof consistencyFrom
             * @property {Array.<Uint8Array>|null} [consistency] LogProof consistency
             */

            /**
             * Constructs a new LogProof.
             * @memberof conclave.v1
             * @classdesc Represents a LogProof.
             * @implements ILogProof
             * @constructor
             * @param {conclave.v1.ILogProof=} [p] Properties to set
             */
            function LogProof(p) {
                this.inclusion = [];
                this.consistency = [];
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * LogProof head.
             * @member {conclave.v1.ISignedTreeHead|null|undefined} head
             * @memberof conclave.v1.LogProof
             * @instance
             */
            LogProof.prototype.head = null;

            /**
             * LogProof leafIndex.
             * @member {number} leafIndex
             * @memberof conclave.v1.LogProof
             * @instance
             */
            LogProof.prototype.leafIndex = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LogProof inclusion.
             * @member {Array.<Uint8Array>} inclusion
             * @memberof conclave.v1.LogProof
             * @instance
             */
            LogProof.prototype.inclusion = $util.emptyArray;

            /**
             * LogProof consistencyFrom.
             * @member {number} consistencyFrom
             * @memberof conclave.v1.LogProof
             * @instance
             */
            LogProof.prototype.consistencyFrom = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LogProof consistency.
             * @member {Array.<Uint8Array>} consistency
             * @memberof conclave.v1.LogProof
             * @instance
             */
            LogProof.prototype.consistency = $util.emptyArray;

            /**
             * Creates a new LogProof instance using the specified properties.
             * @function create
             * @memberof conclave.v1.LogProof
             * @static
             * @param {conclave.v1.ILogProof=} [properties] Properties to set
             * @returns {conclave.v1.LogProof} LogProof instance
             */
            LogProof.create = function create(properties) {
                return new LogProof(properties);
            };

            /**
             * Encodes the specified LogProof message. Does not implicitly {@link conclave.v1.LogProof.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.LogProof
             * @static
             * @param {conclave.v1.ILogProof} m LogProof message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LogProof.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.head != null && Object.hasOwnProperty.call(m, "head"))
                    $root.conclave.v1.SignedTreeHead.encode(m.head, w.uint32(10).fork(), q + 1).ldelim();
                if (m.leafIndex != null && Object.hasOwnProperty.call(m, "leafIndex"))
                    w.uint32(16).uint64(m.leafIndex);
                if (m.inclusion != null && m.inclusion.length) {
                    for (var i = 0; i < m.inclusion.length; ++i)
                        w.uint32(26).bytes(m.inclusion[i]);
                }
                if (m.consistencyFrom != null && Object.hasOwnProperty.call(m, "consistencyFrom"))
                    w.uint32(32).uint64(m.consistencyFrom);
                if (m.consistency != null && m.consistency.length) {
                    for (var i = 0; i < m.consistency.length; ++i)
                        w.uint32(42).bytes(m.consistency[i]);
                }
                return w;
            };

            /**
             * Decodes a LogProof message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.LogProof
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.LogProof} LogProof
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LogProof.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.LogProof();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.head = $root.conclave.v1.SignedTreeHead.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 2: {
                            m.leafIndex = r.uint64();
                            break;
                        }
                    case 3: {
                            if (!(m.inclusion && m.inclusion.length))
                                m.inclusion = [];
                            m.inclusion.push(r.bytes());
                            break;
                        }
                    case 4: {
                            m.consistencyFrom = r.uint64();
                            break;
                        }
                    case 5: {
                            if (!(m.consistency && m.consistency.length))
                                m.consistency = [];
                            m.consistency.push(r.bytes());
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for LogProof
             * @function getTypeUrl
             * @memberof conclave.v1.LogProof
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            LogProof.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.LogProof";
            };

            return LogProof;
        })();

        v1.ModelChunk = (function() {

            /**
             * Properties of a ModelChunk.
             * @memberof conclave.v1
             * @interface IModelChunk
             * @property {string|null} [taskId] ModelChunk taskId
             * @property {number|null} [modelVersion] ModelChunk modelVersion
             * @property {number|null} [offset] ModelChunk offset
             * @property {Uint8Array|null} [data] ModelChunk data
             */

            /**
             * Constructs a new ModelChunk.
             * @memberof conclave.v1
             * @classdesc Represents a ModelChunk.
             * @implements IModelChunk
             * @constructor
             * @param {conclave.v1.IModelChunk=} [p] Properties to set
             */
            function ModelChunk(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ModelChunk taskId.
             * @member {string} taskId
             * @memberof conclave.v1.ModelChunk
             * @instance
             */
            ModelChunk.prototype.taskId = "";

            /**
             * ModelChunk modelVersion.
             * @member {number} modelVersion
             * @memberof conclave.v1.ModelChunk
             * @instance
             */
            ModelChunk.prototype.modelVersion = 0;

            /**
             * ModelChunk offset.
             * @member {number} offset
             * @memberof conclave.v1.ModelChunk
             * @instance
             */
            ModelChunk.prototype.offset = 0;

            /**
             * ModelChunk data.
             * @member {Uint8Array} data
             * @memberof conclave.v1.ModelChunk
             * @instance
             */
            ModelChunk.prototype.data = $util.newBuffer([]);

            /**
             * Creates a new ModelChunk instance using the specified properties.
             * @function create
             * @memberof conclave.v1.ModelChunk
             * @static
             * @param {conclave.v1.IModelChunk=} [properties] Properties to set
             * @returns {conclave.v1.ModelChunk} ModelChunk instance
             */
            ModelChunk.create = function create(properties) {
                return new ModelChunk(properties);
            };

            /**
             * Encodes the specified ModelChunk message. Does not implicitly {@link conclave.v1.ModelChunk.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.ModelChunk
             * @static
             * @param {conclave.v1.IModelChunk} m ModelChunk message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ModelChunk.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(10).string(m.taskId);
                if (m.modelVersion != null && Object.hasOwnProperty.call(m, "modelVersion"))
                    w.uint32(16).uint32(m.modelVersion);
                if (m.offset != null && Object.hasOwnProperty.call(m, "offset"))
                    w.uint32(24).uint32(m.offset);
                if (m.data != null && Object.hasOwnProperty.call(m, "data"))
                    w.uint32(34).bytes(m.data);
                return w;
            };

            /**
             * Decodes a ModelChunk message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.ModelChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.ModelChunk} ModelChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ModelChunk.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.ModelChunk();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.taskId = r.string();
                            break;
                        }
                    case 2: {
                            m.modelVersion = r.uint32();
                            break;
                        }
                    case 3: {
                            m.offset = r.uint32();
                            break;
                        }
                    case 4: {
                            m.data = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for ModelChunk
             * @function getTypeUrl
             * @memberof conclave.v1.ModelChunk
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ModelChunk.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.ModelChunk";
            };

            return ModelChunk;
        })();

        v1.Progress = (function() {

            /**
             * Properties of a Progress.
             * @memberof conclave.v1
             * @interface IProgress
             * @property {string|null} [taskId] Progress taskId
             * @property {number|null} [round] Progress round
             * @property {number|null} [fraction] Progress fraction
             * @property {Uint8Array|null} [attemptId] Progress attemptId
             */

            /**
             * Constructs a new Progress.
             * @memberof conclave.v1
             * @classdesc Represents a Progress.
             * @implements IProgress
             * @constructor
             * @param {conclave.v1.IProgress=} [p] Properties to set
             */
            function Progress(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Progress taskId.
             * @member {string} taskId
             * @memberof conclave.v1.Progress
             * @instance
             */
            Progress.prototype.taskId = "";

            /**
             * Progress round.
             * @member {number} round
             * @memberof conclave.v1.Progress
             * @instance
             */
            Progress.prototype.round = 0;

            /**
             * Progress fraction.
             * @member {number} fraction
             * @memberof conclave.v1.Progress
             * @instance
             */
            Progress.prototype.fraction = 0;

            /**
             * Progress attemptId.
             * @member {Uint8Array} attemptId
             * @memberof conclave.v1.Progress
             * @instance
             */
            Progress.prototype.attemptId = $util.newBuffer([]);

            /**
             * Creates a new Progress instance using the specified properties.
             * @function create
             * @memberof conclave.v1.Progress
             * @static
             * @param {conclave.v1.IProgress=} [properties] Properties to set
             * @returns {conclave.v1.Progress} Progress instance
             */
            Progress.create = function create(properties) {
                return new Progress(properties);
            };

            /**
             * Encodes the specified Progress message. Does not implicitly {@link conclave.v1.Progress.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.Progress
             * @static
             * @param {conclave.v1.IProgress} m Progress message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Progress.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(10).string(m.taskId);
                if (m.round != null && Object.hasOwnProperty.call(m, "round"))
                    w.uint32(16).uint32(m.round);
                if (m.fraction != null && Object.hasOwnProperty.call(m, "fraction"))
                    w.uint32(29).float(m.fraction);
                if (m.attemptId != null && Object.hasOwnProperty.call(m, "attemptId"))
                    w.uint32(34).bytes(m.attemptId);
                return w;
            };

            /**
             * Decodes a Progress message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.Progress
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.Progress} Progress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Progress.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.Progress();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.taskId = r.string();
                            break;
                        }
                    case 2: {
                            m.round = r.uint32();
                            break;
                        }
                    case 3: {
                            m.fraction = r.float();
                            break;
                        }
                    case 4: {
                            m.attemptId = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for Progress
             * @function getTypeUrl
             * @memberof conclave.v1.Progress
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Progress.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.Progress";
            };

            return Progress;
        })();

        v1.UploadStart = (function() {

            /**
             * Properties of an UploadStart.
             * @memberof conclave.v1
             * @interface IUploadStart
             * @property {string|null} [taskId] UploadStart taskId
             * @property {number|null} [round] UploadStart round
             * @property {number|null} [modelVersion] UploadStart modelVersion
             * @property {number|null} [numExamples] UploadStart numExamples
             * @property {number|null} [updateBytes] UploadStart updateBytes
             * @property {Uint8Array|null} [attemptId] UploadStart attemptId
             */

            /**
             * Constructs a new UploadStart.
             * @memberof conclave.v1
             * @classdesc Represents an UploadStart.
             * @implements IUploadStart
             * @constructor
             * @param {conclave.v1.IUploadStart=} [p] Properties to set
             */
            function UploadStart(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * UploadStart taskId.
             * @member {string} taskId
             * @memberof conclave.v1.UploadStart
             * @instance
             */
            UploadStart.prototype.taskId = "";

            /**
             * UploadStart round.
             * @member {number} round
             * @memberof conclave.v1.UploadStart
             * @instance
             */
            UploadStart.prototype.round = 0;

            /**
             * UploadStart modelVersion.
             * @member {number} modelVersion
             * @memberof conclave.v1.UploadStart
             * @instance
             */
            UploadStart.prototype.modelVersion = 0;

            /**
             * UploadStart numExamples.
             * @member {number} numExamples
             * @memberof conclave.v1.UploadStart
             * @instance
             */
            UploadStart.prototype.numExamples = 0;

            /**
             * UploadStart updateBytes.
             * @member {number} updateBytes
             * @memberof conclave.v1.UploadStart
             * @instance
             */
            UploadStart.prototype.updateBytes = 0;

            /**
             * UploadStart attemptId.
             * @member {Uint8Array} attemptId
             * @memberof conclave.v1.UploadStart
             * @instance
             */
            UploadStart.prototype.attemptId = $util.newBuffer([]);

            /**
             * Creates a new UploadStart instance using the specified properties.
             * @function create
             * @memberof conclave.v1.UploadStart
             * @static
             * @param {conclave.v1.IUploadStart=} [properties] Properties to set
             * @returns {conclave.v1.UploadStart} UploadStart instance
             */
            UploadStart.create = function create(properties) {
                return new UploadStart(properties);
            };

            /**
             * Encodes the specified UploadStart message. Does not implicitly {@link conclave.v1.UploadStart.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.UploadStart
             * @static
             * @param {conclave.v1.IUploadStart} m UploadStart message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UploadStart.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(10).string(m.taskId);
                if (m.round != null && Object.hasOwnProperty.call(m, "round"))
                    w.uint32(16).uint32(m.round);
                if (m.modelVersion != null && Object.hasOwnProperty.call(m, "modelVersion"))
                    w.uint32(24).uint32(m.modelVersion);
                if (m.numExamples != null && Object.hasOwnProperty.call(m, "numExamples"))
                    w.uint32(32).uint32(m.numExamples);
                if (m.updateBytes != null && Object.hasOwnProperty.call(m, "updateBytes"))
                    w.uint32(40).uint32(m.updateBytes);
                if (m.attemptId != null && Object.hasOwnProperty.call(m, "attemptId"))
                    w.uint32(82).bytes(m.attemptId);
                return w;
            };

            /**
             * Decodes an UploadStart message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.UploadStart
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.UploadStart} UploadStart
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UploadStart.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.UploadStart();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.taskId = r.string();
                            break;
                        }
                    case 2: {
                            m.round = r.uint32();
                            break;
                        }
                    case 3: {
                            m.modelVersion = r.uint32();
                            break;
                        }
                    case 4: {
                            m.numExamples = r.uint32();
                            break;
                        }
                    case 5: {
                            m.updateBytes = r.uint32();
                            break;
                        }
                    case 10: {
                            m.attemptId = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for UploadStart
             * @function getTypeUrl
             * @memberof conclave.v1.UploadStart
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            UploadStart.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.UploadStart";
            };

            return UploadStart;
        })();

        v1.UploadGrant = (function() {

            /**
             * Properties of an UploadGrant.
             * @memberof conclave.v1
             * @interface IUploadGrant
             * @property {string|null} [taskId] UploadGrant taskId
             * @property {number|null} [round] UploadGrant round
             * @property {Uint8Array|null} [attemptId] UploadGrant attemptId
             */

            /**
             * Constructs a new UploadGrant.
             * @memberof conclave.v1
             * @classdesc Represents an UploadGrant.
             * @implements IUploadGrant
             * @constructor
             * @param {conclave.v1.IUploadGrant=} [p] Properties to set
             */
            function UploadGrant(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * UploadGrant taskId.
             * @member {string} taskId
             * @memberof conclave.v1.UploadGrant
             * @instance
             */
            UploadGrant.prototype.taskId = "";

            /**
             * UploadGrant round.
             * @member {number} round
             * @memberof conclave.v1.UploadGrant
             * @instance
             */
            UploadGrant.prototype.round = 0;

            /**
             * UploadGrant attemptId.
             * @member {Uint8Array} attemptId
             * @memberof conclave.v1.UploadGrant
             * @instance
             */
            UploadGrant.prototype.attemptId = $util.newBuffer([]);

            /**
             * Creates a new UploadGrant instance using the specified properties.
             * @function create
             * @memberof conclave.v1.UploadGrant
             * @static
             * @param {conclave.v1.IUploadGrant=} [properties] Properties to set
             * @returns {conclave.v1.UploadGrant} UploadGrant instance
             */
            UploadGrant.create = function create(properties) {
                return new UploadGrant(properties);
            };

            /**
             * Encodes the specified UploadGrant message. Does not implicitly {@link conclave.v1.UploadGrant.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.UploadGrant
             * @static
             * @param {conclave.v1.IUploadGrant} m UploadGrant message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UploadGrant.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(10).string(m.taskId);
                if (m.round != null && Object.hasOwnProperty.call(m, "round"))
                    w.uint32(16).uint32(m.round);
                if (m.attemptId != null && Object.hasOwnProperty.call(m, "attemptId"))
                    w.uint32(26).bytes(m.attemptId);
                return w;
            };

            /**
             * Decodes an UploadGrant message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.UploadGrant
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.UploadGrant} UploadGrant
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UploadGrant.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.UploadGrant();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.taskId = r.string();
                            break;
                        }
                    case 2: {
                            m.round = r.uint32();
                            break;
                        }
                    case 3: {
                            m.attemptId = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for UploadGrant
             * @function getTypeUrl
             * @memberof conclave.v1.UploadGrant
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            UploadGrant.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.UploadGrant";
            };

            return UploadGrant;
        })();

        v1.UploadChunk = (function() {

            /**
             * Properties of an UploadChunk.
             * @memberof conclave.v1
             * @interface IUploadChunk
             * @property {string|null} [taskId] UploadChunk taskId
             * @property {number|null} [round] UploadChunk round
             * @property {number|null} [offset] UploadChunk offset
             * @property {Uint8Array|null} [data] UploadChunk data
             * @property {Uint8Array|null} [attemptId] UploadChunk attemptId
             */

            /**
             * Constructs a new UploadChunk.
             * @memberof conclave.v1
             * @classdesc Represents an UploadChunk.
             * @implements IUploadChunk
             * @constructor
             * @param {conclave.v1.IUploadChunk=} [p] Properties to set
             */
            function UploadChunk(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * UploadChunk taskId.
             * @member {string} taskId
             * @memberof conclave.v1.UploadChunk
             * @instance
             */
            UploadChunk.prototype.taskId = "";

            /**
             * UploadChunk round.
             * @member {number} round
             * @memberof conclave.v1.UploadChunk
             * @instance
             */
            UploadChunk.prototype.round = 0;

            /**
             * UploadChunk offset.
             * @member {number} offset
             * @memberof conclave.v1.UploadChunk
             * @instance
             */
            UploadChunk.prototype.offset = 0;

            /**
             * UploadChunk data.
             * @member {Uint8Array} data
             * @memberof conclave.v1.UploadChunk
             * @instance
             */
            UploadChunk.prototype.data = $util.newBuffer([]);

            /**
             * UploadChunk attemptId.
             * @member {Uint8Array} attemptId
             * @memberof conclave.v1.UploadChunk
             * @instance
             */
            UploadChunk.prototype.attemptId = $util.newBuffer([]);

            /**
             * Creates a new UploadChunk instance using the specified properties.
             * @function create
             * @memberof conclave.v1.UploadChunk
             * @static
             * @param {conclave.v1.IUploadChunk=} [properties] Properties to set
             * @returns {conclave.v1.UploadChunk} UploadChunk instance
             */
            UploadChunk.create = function create(properties) {
                return new UploadChunk(properties);
            };

            /**
             * Encodes the specified UploadChunk message. Does not implicitly {@link conclave.v1.UploadChunk.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.UploadChunk
             * @static
             * @param {conclave.v1.IUploadChunk} m UploadChunk message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UploadChunk.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(10).string(m.taskId);
                if (m.round != null && Object.hasOwnProperty.call(m, "round"))
                    w.uint32(16).uint32(m.round);
                if (m.offset != null && Object.hasOwnProperty.call(m, "offset"))
                    w.uint32(24).uint32(m.offset);
                if (m.data != null && Object.hasOwnProperty.call(m, "data"))
                    w.uint32(34).bytes(m.data);
                if (m.attemptId != null && Object.hasOwnProperty.call(m, "attemptId"))
                    w.uint32(42).bytes(m.attemptId);
                return w;
            };

            /**
             * Decodes an UploadChunk message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.UploadChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.UploadChunk} UploadChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UploadChunk.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.UploadChunk();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.taskId = r.string();
                            break;
                        }
                    case 2: {
                            m.round = r.uint32();
                            break;
                        }
                    case 3: {
                            m.offset = r.uint32();
                            break;
                        }
                    case 4: {
                            m.data = r.bytes();
                            break;
                        }
                    case 5: {
                            m.attemptId = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for UploadChunk
             * @function getTypeUrl
             * @memberof conclave.v1.UploadChunk
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            UploadChunk.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.UploadChunk";
            };

            return UploadChunk;
        })();

        v1.ReportAck = (function() {

            /**
             * Properties of a ReportAck.
             * @memberof conclave.v1
             * @interface IReportAck
             * @property {string|null} [taskId] ReportAck taskId
             * @property {number|null} [round] ReportAck round
             * @property {boolean|null} [accepted] ReportAck accepted
             * @property {string|null} [reason] ReportAck reason
             * @property {Uint8Array|null} [attemptId] ReportAck attemptId
             */

            /**
             * Constructs a new ReportAck.
             * @memberof conclave.v1
             * @classdesc Represents a ReportAck.
             * @implements IReportAck
             * @constructor
             * @param {conclave.v1.IReportAck=} [p] Properties to set
             */
            function ReportAck(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * ReportAck taskId.
             * @member {string} taskId
             * @memberof conclave.v1.ReportAck
             * @instance
             */
            ReportAck.prototype.taskId = "";

            /**
             * ReportAck round.
             * @member {number} round
             * @memberof conclave.v1.ReportAck
             * @instance
             */
            ReportAck.prototype.round = 0;

            /**
             * ReportAck accepted.
             * @member {boolean} accepted
             * @memberof conclave.v1.ReportAck
             * @instance
             */
            ReportAck.prototype.accepted = false;

            /**
             * ReportAck reason.
             * @member {string} reason
             * @memberof conclave.v1.ReportAck
             * @instance
             */
            ReportAck.prototype.reason = "";

            /**
             * ReportAck attemptId.
             * @member {Uint8Array} attemptId
             * @memberof conclave.v1.ReportAck
             * @instance
             */
            ReportAck.prototype.attemptId = $util.newBuffer([]);

            /**
             * Creates a new ReportAck instance using the specified properties.
             * @function create
             * @memberof conclave.v1.ReportAck
             * @static
             * @param {conclave.v1.IReportAck=} [properties] Properties to set
             * @returns {conclave.v1.ReportAck} ReportAck instance
             */
            ReportAck.create = function create(properties) {
                return new ReportAck(properties);
            };

            /**
             * Encodes the specified ReportAck message. Does not implicitly {@link conclave.v1.ReportAck.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.ReportAck
             * @static
             * @param {conclave.v1.IReportAck} m ReportAck message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReportAck.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(10).string(m.taskId);
                if (m.round != null && Object.hasOwnProperty.call(m, "round"))
                    w.uint32(16).uint32(m.round);
                if (m.accepted != null && Object.hasOwnProperty.call(m, "accepted"))
                    w.uint32(24).bool(m.accepted);
                if (m.reason != null && Object.hasOwnProperty.call(m, "reason"))
                    w.uint32(34).string(m.reason);
                if (m.attemptId != null && Object.hasOwnProperty.call(m, "attemptId"))
                    w.uint32(42).bytes(m.attemptId);
                return w;
            };

            /**
             * Decodes a ReportAck message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.ReportAck
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.ReportAck} ReportAck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReportAck.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.ReportAck();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.taskId = r.string();
                            break;
                        }
                    case 2: {
                            m.round = r.uint32();
                            break;
                        }
                    case 3: {
                            m.accepted = r.bool();
                            break;
                        }
                    case 4: {
                            m.reason = r.string();
                            break;
                        }
                    case 5: {
                            m.attemptId = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for ReportAck
             * @function getTypeUrl
             * @memberof conclave.v1.ReportAck
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ReportAck.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.ReportAck";
            };

            return ReportAck;
        })();

        /**
         * ReasonCode enum.
         * @name conclave.v1.ReasonCode
         * @enum {number}
         * @property {number} REASON_UNSPECIFIED=0 REASON_UNSPECIFIED value
         * @property {number} NOT_ENOUGH_EXAMPLES=1 NOT_ENOUGH_EXAMPLES value
         * @property {number} CONSENT_WITHDRAWN=2 CONSENT_WITHDRAWN value
         * @property {number} PAUSED=3 PAUSED value
         * @property {number} INELIGIBLE=4 INELIGIBLE value
         * @property {number} PRIVACY_CAP_REACHED=5 PRIVACY_CAP_REACHED value
         * @property {number} PARTICIPATION_LIMIT_REACHED=6 PARTICIPATION_LIMIT_REACHED value
         * @property {number} POLICY_REFUSED_COHORT_TOO_SMALL=10 POLICY_REFUSED_COHORT_TOO_SMALL value
         * @property {number} POLICY_REFUSED_UNCERTIFIED_PEER=11 POLICY_REFUSED_UNCERTIFIED_PEER value
         * @property {number} POLICY_REFUSED_MALICIOUS_SERVER_PROTECTION_OFF=12 POLICY_REFUSED_MALICIOUS_SERVER_PROTECTION_OFF value
         * @property {number} POLICY_REFUSED_TASK_NOT_APPROVED=13 POLICY_REFUSED_TASK_NOT_APPROVED value
         * @property {number} POLICY_REFUSED_EPSILON_CEILING=14 POLICY_REFUSED_EPSILON_CEILING value
         * @property {number} POLICY_REFUSED_TRANSPARENCY_LOG=15 POLICY_REFUSED_TRANSPARENCY_LOG value
         * @property {number} POLICY_REFUSED_PLAN_MISMATCH=16 POLICY_REFUSED_PLAN_MISMATCH value
         * @property {number} TRAINING_FAILED=20 TRAINING_FAILED value
         * @property {number} EVALUATION_FAILED=21 EVALUATION_FAILED value
         * @property {number} MODEL_DOWNLOAD_FAILED=22 MODEL_DOWNLOAD_FAILED value
         * @property {number} SECURE_AGGREGATION_FAILED=23 SECURE_AGGREGATION_FAILED value
         * @property {number} SECURE_AGGREGATION_REQUIRED=24 SECURE_AGGREGATION_REQUIRED value
         * @property {number} ENCODING_REFUSED=25 ENCODING_REFUSED value
         * @property {number} UPLOAD_FAILED=26 UPLOAD_FAILED value
         * @property {number} DEVICE_WIPED=30 DEVICE_WIPED value
         * @property {number} CLIENT_STOPPED=31 CLIENT_STOPPED value
         * @property {number} MODEL_MISMATCH=40 MODEL_MISMATCH value
         * @property {number} OUT_OF_MEMORY=41 OUT_OF_MEMORY value
         * @property {number} STORAGE_ERROR=42 STORAGE_ERROR value
         * @property {number} TIMEOUT=43 TIMEOUT value
         * @property {number} INTERNAL=44 INTERNAL value
         */
        v1.ReasonCode = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "REASON_UNSPECIFIED"] = 0;
            values[valuesById[1] = "NOT_ENOUGH_EXAMPLES"] = 1;
            values[valuesById[2] = "CONSENT_WITHDRAWN"] = 2;
            values[valuesById[3] = "PAUSED"] = 3;
            values[valuesById[4] = "INELIGIBLE"] = 4;
            values[valuesById[5] = "PRIVACY_CAP_REACHED"] = 5;
            values[valuesById[6] = "PARTICIPATION_LIMIT_REACHED"] = 6;
            values[valuesById[10] = "POLICY_REFUSED_COHORT_TOO_SMALL"] = 10;
            values[valuesById[11] = "POLICY_REFUSED_UNCERTIFIED_PEER"] = 11;
            values[valuesById[12] = "POLICY_REFUSED_MALICIOUS_SERVER_PROTECTION_OFF"] = 12;
            values[valuesById[13] = "POLICY_REFUSED_TASK_NOT_APPROVED"] = 13;
            values[valuesById[14] = "POLICY_REFUSED_EPSILON_CEILING"] = 14;
            values[valuesById[15] = "POLICY_REFUSED_TRANSPARENCY_LOG"] = 15;
            values[valuesById[16] = "POLICY_REFUSED_PLAN_MISMATCH"] = 16;
            values[valuesById[20] = "TRAINING_FAILED"] = 20;
            values[valuesById[21] = "EVALUATION_FAILED"] = 21;
            values[valuesById[22] = "MODEL_DOWNLOAD_FAILED"] = 22;
            values[valuesById[23] = "SECURE_AGGREGATION_FAILED"] = 23;
            values[valuesById[24] = "SECURE_AGGREGATION_REQUIRED"] = 24;
            values[valuesById[25] = "ENCODING_REFUSED"] = 25;
            values[valuesById[26] = "UPLOAD_FAILED"] = 26;
            values[valuesById[30] = "DEVICE_WIPED"] = 30;
            values[valuesById[31] = "CLIENT_STOPPED"] = 31;
            values[valuesById[40] = "MODEL_MISMATCH"] = 40;
            values[valuesById[41] = "OUT_OF_MEMORY"] = 41;
            values[valuesById[42] = "STORAGE_ERROR"] = 42;
            values[valuesById[43] = "TIMEOUT"] = 43;
            values[valuesById[44] = "INTERNAL"] = 44;
            return values;
        })();

        v1.Withdraw = (function() {

            /**
             * Properties of a Withdraw.
             * @memberof conclave.v1
             * @interface IWithdraw
             * @property {string|null} [taskId] Withdraw taskId
             * @property {number|null} [round] Withdraw round
             * @property {conclave.v1.ReasonCode|null} [code] Withdraw code
             * @property {Uint8Array|null} [attemptId] Withdraw attemptId
             */

            /**
             * Constructs a new Withdraw.
             * @memberof conclave.v1
             * @classdesc Represents a Withdraw.
             * @implements IWithdraw
             * @constructor
             * @param {conclave.v1.IWithdraw=} [p] Properties to set
             */
            function Withdraw(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Withdraw taskId.
             * @member {string} taskId
             * @memberof conclave.v1.Withdraw
             * @instance
             */
            Withdraw.prototype.taskId = "";

            /**
             * Withdraw round.
             * @member {number} round
             * @memberof conclave.v1.Withdraw
             * @instance
             */
            Withdraw.prototype.round = 0;

            /**
             * Withdraw code.
             * @member {conclave.v1.ReasonCode} code
             * @memberof conclave.v1.Withdraw
             * @instance
             */
            Withdraw.prototype.code = 0;

            /**
             * Withdraw attemptId.
             * @member {Uint8Array} attemptId
             * @memberof conclave.v1.Withdraw
             * @instance
             */
            Withdraw.prototype.attemptId = $util.newBuffer([]);

            /**
             * Creates a new Withdraw instance using the specified properties.
             * @function create
             * @memberof conclave.v1.Withdraw
             * @static
             * @param {conclave.v1.IWithdraw=} [properties] Properties to set
             * @returns {conclave.v1.Withdraw} Withdraw instance
             */
            Withdraw.create = function create(properties) {
                return new Withdraw(properties);
            };

            /**
             * Encodes the specified Withdraw message. Does not implicitly {@link conclave.v1.Withdraw.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.Withdraw
             * @static
             * @param {conclave.v1.IWithdraw} m Withdraw message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Withdraw.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(10).string(m.taskId);
                if (m.round != null && Object.hasOwnProperty.call(m, "round"))
                    w.uint32(16).uint32(m.round);
                if (m.code != null && Object.hasOwnProperty.call(m, "code"))
                    w.uint32(32).int32(m.code);
                if (m.attemptId != null && Object.hasOwnProperty.call(m, "attemptId"))
                    w.uint32(42).bytes(m.attemptId);
                return w;
            };

            /**
             * Decodes a Withdraw message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.Withdraw
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.Withdraw} Withdraw
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Withdraw.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.Withdraw();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.taskId = r.string();
                            break;
                        }
                    case 2: {
                            m.round = r.uint32();
                            break;
                        }
                    case 4: {
                            m.code = r.int32();
                            break;
                        }
                    case 5: {
                            m.attemptId = r.bytes();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for Withdraw
             * @function getTypeUrl
             * @memberof conclave.v1.Withdraw
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Withdraw.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.Withdraw";
            };

            return Withdraw;
        })();

        v1.RoundClosed = (function() {

            /**
             * Properties of a RoundClosed.
             * @memberof conclave.v1
             * @interface IRoundClosed
             * @property {string|null} [taskId] RoundClosed taskId
             * @property {number|null} [round] RoundClosed round
             * @property {string|null} [reason] RoundClosed reason
             * @property {Uint8Array|null} [attemptId] RoundClosed attemptId
             * @property {boolean|null} [late] RoundClosed late
             */

            /**
             * Constructs a new RoundClosed.
             * @memberof conclave.v1
             * @classdesc Represents a RoundClosed.
             * @implements IRoundClosed
             * @constructor
             * @param {conclave.v1.IRoundClosed=} [p] Properties to set
             */
            function RoundClosed(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * RoundClosed taskId.
             * @member {string} taskId
             * @memberof conclave.v1.RoundClosed
             * @instance
             */
            RoundClosed.prototype.taskId = "";

            /**
             * RoundClosed round.
             * @member {number} round
             * @memberof conclave.v1.RoundClosed
             * @instance
             */
            RoundClosed.prototype.round = 0;

            /**
             * RoundClosed reason.
             * @member {string} reason
             * @memberof conclave.v1.RoundClosed
             * @instance
             */
            RoundClosed.prototype.reason = "";

            /**
             * RoundClosed attemptId.
             * @member {Uint8Array} attemptId
             * @memberof conclave.v1.RoundClosed
             * @instance
             */
            RoundClosed.prototype.attemptId = $util.newBuffer([]);

            /**
             * RoundClosed late.
             * @member {boolean} late
             * @memberof conclave.v1.RoundClosed
             * @instance
             */
            RoundClosed.prototype.late = false;

            /**
             * Creates a new RoundClosed instance using the specified properties.
             * @function create
             * @memberof conclave.v1.RoundClosed
             * @static
             * @param {conclave.v1.IRoundClosed=} [properties] Properties to set
             * @returns {conclave.v1.RoundClosed} RoundClosed instance
             */
            RoundClosed.create = function create(properties) {
                return new RoundClosed(properties);
            };

            /**
             * Encodes the specified RoundClosed message. Does not implicitly {@link conclave.v1.RoundClosed.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.RoundClosed
             * @static
             * @param {conclave.v1.IRoundClosed} m RoundClosed message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RoundClosed.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.taskId != null && Object.hasOwnProperty.call(m, "taskId"))
                    w.uint32(10).string(m.taskId);
                if (m.round != null && Object.hasOwnProperty.call(m, "round"))
                    w.uint32(16).uint32(m.round);
                if (m.reason != null && Object.hasOwnProperty.call(m, "reason"))
                    w.uint32(26).string(m.reason);
                if (m.attemptId != null && Object.hasOwnProperty.call(m, "attemptId"))
                    w.uint32(34).bytes(m.attemptId);
                if (m.late != null && Object.hasOwnProperty.call(m, "late"))
                    w.uint32(40).bool(m.late);
                return w;
            };

            /**
             * Decodes a RoundClosed message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.RoundClosed
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.RoundClosed} RoundClosed
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RoundClosed.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.RoundClosed();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.taskId = r.string();
                            break;
                        }
                    case 2: {
                            m.round = r.uint32();
                            break;
                        }
                    case 3: {
                            m.reason = r.string();
                            break;
                        }
                    case 4: {
                            m.attemptId = r.bytes();
                            break;
                        }
                    case 5: {
                            m.late = r.bool();
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for RoundClosed
             * @function getTypeUrl
             * @memberof conclave.v1.RoundClosed
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            RoundClosed.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.RoundClosed";
            };

            return RoundClosed;
        })();

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @memberof conclave.v1
             * @interface IEnvelope
             * @property {conclave.v1.IHello|null} [hello] Envelope hello
             * @property {conclave.v1.IWelcome|null} [welcome] Envelope welcome
             * @property {conclave.v1.IError|null} [error] Envelope error
             * @property {conclave.v1.ICheckIn|null} [checkIn] Envelope checkIn
             * @property {conclave.v1.IComeBackLater|null} [comeBackLater] Envelope comeBackLater
             * @property {conclave.v1.ISelected|null} [selected] Envelope selected
             * @property {conclave.v1.IModelChunk|null} [modelChunk] Envelope modelChunk
             * @property {conclave.v1.IProgress|null} [progress] Envelope progress
             * @property {conclave.v1.IUploadStart|null} [uploadStart] Envelope uploadStart
             * @property {conclave.v1.IUploadChunk|null} [uploadChunk] Envelope uploadChunk
             * @property {conclave.v1.IReportAck|null} [reportAck] Envelope reportAck
             * @property {conclave.v1.IWithdraw|null} [withdraw] Envelope withdraw
             * @property {conclave.v1.IRoundClosed|null} [roundClosed] Envelope roundClosed
             * @property {conclave.v1.IUploadGrant|null} [uploadGrant] Envelope uploadGrant
             * @property {conclave.v1.IChallenge|null} [challenge] Envelope challenge
             * @property {conclave.v1.IProof|null} [proof] Envelope proof
             * @property {conclave.v1.ISecAgg|null} [secagg] Envelope secagg
             */

            /**
             * Constructs a new Envelope.
             * @memberof conclave.v1
             * @classdesc Represents an Envelope.
             * @implements IEnvelope
             * @constructor
             * @param {conclave.v1.IEnvelope=} [p] Properties to set
             */
            function Envelope(p) {
                if (p)
                    for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            }

            /**
             * Envelope hello.
             * @member {conclave.v1.IHello|null|undefined} hello
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.hello = null;

            /**
             * Envelope welcome.
             * @member {conclave.v1.IWelcome|null|undefined} welcome
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.welcome = null;

            /**
             * Envelope error.
             * @member {conclave.v1.IError|null|undefined} error
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.error = null;

            /**
             * Envelope checkIn.
             * @member {conclave.v1.ICheckIn|null|undefined} checkIn
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.checkIn = null;

            /**
             * Envelope comeBackLater.
             * @member {conclave.v1.IComeBackLater|null|undefined} comeBackLater
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.comeBackLater = null;

            /**
             * Envelope selected.
             * @member {conclave.v1.ISelected|null|undefined} selected
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.selected = null;

            /**
             * Envelope modelChunk.
             * @member {conclave.v1.IModelChunk|null|undefined} modelChunk
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.modelChunk = null;

            /**
             * Envelope progress.
             * @member {conclave.v1.IProgress|null|undefined} progress
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.progress = null;

            /**
             * Envelope uploadStart.
             * @member {conclave.v1.IUploadStart|null|undefined} uploadStart
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.uploadStart = null;

            /**
             * Envelope uploadChunk.
             * @member {conclave.v1.IUploadChunk|null|undefined} uploadChunk
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.uploadChunk = null;

            /**
             * Envelope reportAck.
             * @member {conclave.v1.IReportAck|null|undefined} reportAck
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.reportAck = null;

            /**
             * Envelope withdraw.
             * @member {conclave.v1.IWithdraw|null|undefined} withdraw
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.withdraw = null;

            /**
             * Envelope roundClosed.
             * @member {conclave.v1.IRoundClosed|null|undefined} roundClosed
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.roundClosed = null;

            /**
             * Envelope uploadGrant.
             * @member {conclave.v1.IUploadGrant|null|undefined} uploadGrant
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.uploadGrant = null;

            /**
             * Envelope challenge.
             * @member {conclave.v1.IChallenge|null|undefined} challenge
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.challenge = null;

            /**
             * Envelope proof.
             * @member {conclave.v1.IProof|null|undefined} proof
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.proof = null;

            /**
             * Envelope secagg.
             * @member {conclave.v1.ISecAgg|null|undefined} secagg
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Envelope.prototype.secagg = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Envelope body.
             * @member {"hello"|"welcome"|"error"|"checkIn"|"comeBackLater"|"selected"|"modelChunk"|"progress"|"uploadStart"|"uploadChunk"|"reportAck"|"withdraw"|"roundClosed"|"uploadGrant"|"challenge"|"proof"|"secagg"|undefined} body
             * @memberof conclave.v1.Envelope
             * @instance
             */
            Object.defineProperty(Envelope.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "welcome", "error", "checkIn", "comeBackLater", "selected", "modelChunk", "progress", "uploadStart", "uploadChunk", "reportAck", "withdraw", "roundClosed", "uploadGrant", "challenge", "proof", "secagg"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof conclave.v1.Envelope
             * @static
             * @param {conclave.v1.IEnvelope=} [properties] Properties to set
             * @returns {conclave.v1.Envelope} Envelope instance
             */
            Envelope.create = function create(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link conclave.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof conclave.v1.Envelope
             * @static
             * @param {conclave.v1.IEnvelope} m Envelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function encode(m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (m.hello != null && Object.hasOwnProperty.call(m, "hello"))
                    $root.conclave.v1.Hello.encode(m.hello, w.uint32(10).fork(), q + 1).ldelim();
                if (m.welcome != null && Object.hasOwnProperty.call(m, "welcome"))
                    $root.conclave.v1.Welcome.encode(m.welcome, w.uint32(18).fork(), q + 1).ldelim();
                if (m.error != null && Object.hasOwnProperty.call(m, "error"))
                    $root.conclave.v1.Error.encode(m.error, w.uint32(26).fork(), q + 1).ldelim();
                if (m.checkIn != null && Object.hasOwnProperty.call(m, "checkIn"))
                    $root.conclave.v1.CheckIn.encode(m.checkIn, w.uint32(34).fork(), q + 1).ldelim();
                if (m.comeBackLater != null && Object.hasOwnProperty.call(m, "comeBackLater"))
                    $root.conclave.v1.ComeBackLater.encode(m.comeBackLater, w.uint32(42).fork(), q + 1).ldelim();
                if (m.selected != null && Object.hasOwnProperty.call(m, "selected"))
                    $root.conclave.v1.Selected.encode(m.selected, w.uint32(50).fork(), q + 1).ldelim();
                if (m.modelChunk != null && Object.hasOwnProperty.call(m, "modelChunk"))
                    $root.conclave.v1.ModelChunk.encode(m.modelChunk, w.uint32(58).fork(), q + 1).ldelim();
                if (m.progress != null && Object.hasOwnProperty.call(m, "progress"))
                    $root.conclave.v1.Progress.encode(m.progress, w.uint32(66).fork(), q + 1).ldelim();
                if (m.uploadStart != null && Object.hasOwnProperty.call(m, "uploadStart"))
                    $root.conclave.v1.UploadStart.encode(m.uploadStart, w.uint32(74).fork(), q + 1).ldelim();
                if (m.uploadChunk != null && Object.hasOwnProperty.call(m, "uploadChunk"))
                    $root.conclave.v1.UploadChunk.encode(m.uploadChunk, w.uint32(82).fork(), q + 1).ldelim();
                if (m.reportAck != null && Object.hasOwnProperty.call(m, "reportAck"))
                    $root.conclave.v1.ReportAck.encode(m.reportAck, w.uint32(98).fork(), q + 1).ldelim();
                if (m.withdraw != null && Object.hasOwnProperty.call(m, "withdraw"))
                    $root.conclave.v1.Withdraw.encode(m.withdraw, w.uint32(106).fork(), q + 1).ldelim();
                if (m.roundClosed != null && Object.hasOwnProperty.call(m, "roundClosed"))
                    $root.conclave.v1.RoundClosed.encode(m.roundClosed, w.uint32(114).fork(), q + 1).ldelim();
                if (m.uploadGrant != null && Object.hasOwnProperty.call(m, "uploadGrant"))
                    $root.conclave.v1.UploadGrant.encode(m.uploadGrant, w.uint32(122).fork(), q + 1).ldelim();
                if (m.challenge != null && Object.hasOwnProperty.call(m, "challenge"))
                    $root.conclave.v1.Challenge.encode(m.challenge, w.uint32(130).fork(), q + 1).ldelim();
                if (m.proof != null && Object.hasOwnProperty.call(m, "proof"))
                    $root.conclave.v1.Proof.encode(m.proof, w.uint32(138).fork(), q + 1).ldelim();
                if (m.secagg != null && Object.hasOwnProperty.call(m, "secagg"))
                    $root.conclave.v1.SecAgg.encode(m.secagg, w.uint32(146).fork(), q + 1).ldelim();
                return w;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof conclave.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {conclave.v1.Envelope} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function decode(r, l, e, n) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (n === undefined)
                    n = 0;
                if (n > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                var c, m;
                if (l === undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = new $root.conclave.v1.Envelope();
                while (r.pos < c) {
                    var t = r.uint32();
                    if (t === e)
                        break;
                    switch (t >>> 3) {
                    case 1: {
                            m.hello = $root.conclave.v1.Hello.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 2: {
                            m.welcome = $root.conclave.v1.Welcome.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 3: {
                            m.error = $root.conclave.v1.Error.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 4: {
                            m.checkIn = $root.conclave.v1.CheckIn.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 5: {
                            m.comeBackLater = $root.conclave.v1.ComeBackLater.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 6: {
                            m.selected = $root.conclave.v1.Selected.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 7: {
                            m.modelChunk = $root.conclave.v1.ModelChunk.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 8: {
                            m.progress = $root.conclave.v1.Progress.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 9: {
                            m.uploadStart = $root.conclave.v1.UploadStart.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 10: {
                            m.uploadChunk = $root.conclave.v1.UploadChunk.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 12: {
                            m.reportAck = $root.conclave.v1.ReportAck.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 13: {
                            m.withdraw = $root.conclave.v1.Withdraw.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 14: {
                            m.roundClosed = $root.conclave.v1.RoundClosed.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 15: {
                            m.uploadGrant = $root.conclave.v1.UploadGrant.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 16: {
                            m.challenge = $root.conclave.v1.Challenge.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 17: {
                            m.proof = $root.conclave.v1.Proof.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    case 18: {
                            m.secagg = $root.conclave.v1.SecAgg.decode(r, r.uint32(), undefined, n + 1);
                            break;
                        }
                    default:
                        r.skipType(t & 7, n);
                        break;
                    }
                }
                if (l !== undefined) {
                    if (r.pos !== c)
                        throw RangeError("index out of range");
                    r.len = l;
                }
                return m;
            };

            /**
             * Gets the default type url for Envelope
             * @function getTypeUrl
             * @memberof conclave.v1.Envelope
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Envelope.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/conclave.v1.Envelope";
            };

            return Envelope;
        })();

        return v1;
    })();

    return conclave;
})();

export { $root as default };
