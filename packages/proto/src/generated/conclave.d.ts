import * as $protobuf from "protobufjs";
import Long = require("long");
export namespace conclave {

    namespace v1 {

        interface IHello {
            protocolVersion?: (number|null);
            sdkVersion?: (string|null);
            publicKey?: (Uint8Array|null);
            enrollmentToken?: (string|null);
        }

        class Hello implements IHello {
            constructor(p?: conclave.v1.IHello);
            public protocolVersion: number;
            public sdkVersion: string;
            public publicKey: Uint8Array;
            public enrollmentToken: string;
            public static create(properties?: conclave.v1.IHello): conclave.v1.Hello;
            public static encode(m: conclave.v1.IHello, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Hello;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IChallenge {
            nonce?: (Uint8Array|null);
        }

        class Challenge implements IChallenge {
            constructor(p?: conclave.v1.IChallenge);
            public nonce: Uint8Array;
            public static create(properties?: conclave.v1.IChallenge): conclave.v1.Challenge;
            public static encode(m: conclave.v1.IChallenge, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Challenge;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IProof {
            signature?: (Uint8Array|null);
        }

        class Proof implements IProof {
            constructor(p?: conclave.v1.IProof);
            public signature: Uint8Array;
            public static create(properties?: conclave.v1.IProof): conclave.v1.Proof;
            public static encode(m: conclave.v1.IProof, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Proof;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWelcome {
            protocolVersion?: (number|null);
            sessionId?: (string|null);
            heartbeatMs?: (number|null);
            maxFrameBytes?: (number|null);
            deviceId?: (string|null);
        }

        class Welcome implements IWelcome {
            constructor(p?: conclave.v1.IWelcome);
            public protocolVersion: number;
            public sessionId: string;
            public heartbeatMs: number;
            public maxFrameBytes: number;
            public deviceId: string;
            public static create(properties?: conclave.v1.IWelcome): conclave.v1.Welcome;
            public static encode(m: conclave.v1.IWelcome, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Welcome;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IError {
            code?: (string|null);
            message?: (string|null);
            fatal?: (boolean|null);
            taskId?: (string|null);
            round?: (number|null);
            attemptId?: (Uint8Array|null);
        }

        class Error implements IError {
            constructor(p?: conclave.v1.IError);
            public code: string;
            public message: string;
            public fatal: boolean;
            public taskId: string;
            public round: number;
            public attemptId: Uint8Array;
            public static create(properties?: conclave.v1.IError): conclave.v1.Error;
            public static encode(m: conclave.v1.IError, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Error;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICachedModel {
            taskId?: (string|null);
            modelVersion?: (number|null);
        }

        class CachedModel implements ICachedModel {
            constructor(p?: conclave.v1.ICachedModel);
            public taskId: string;
            public modelVersion: number;
            public static create(properties?: conclave.v1.ICachedModel): conclave.v1.CachedModel;
            public static encode(m: conclave.v1.ICachedModel, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.CachedModel;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICheckIn {
            streams?: (string[]|null);
            eligible?: (boolean|null);
            cached?: (conclave.v1.ICachedModel[]|null);
            knownLogSize?: (number|null);
        }

        class CheckIn implements ICheckIn {
            constructor(p?: conclave.v1.ICheckIn);
            public streams: string[];
            public eligible: boolean;
            public cached: conclave.v1.ICachedModel[];
            public knownLogSize: number;
            public static create(properties?: conclave.v1.ICheckIn): conclave.v1.CheckIn;
            public static encode(m: conclave.v1.ICheckIn, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.CheckIn;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IComeBackLater {
            retryAfterMs?: (number|null);
            reason?: (string|null);
        }

        class ComeBackLater implements IComeBackLater {
            constructor(p?: conclave.v1.IComeBackLater);
            public retryAfterMs: number;
            public reason: string;
            public static create(properties?: conclave.v1.IComeBackLater): conclave.v1.ComeBackLater;
            public static encode(m: conclave.v1.IComeBackLater, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.ComeBackLater;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPlan {
            kind?: (conclave.v1.Plan.Kind|null);
            stream?: (string|null);
            purpose?: (string|null);
            localEpochs?: (number|null);
            batchSize?: (number|null);
            clientLearningRate?: (number|null);
            proxMu?: (number|null);
            featuresJson?: (string|null);
            topologyJson?: (string|null);
            loss?: (string|null);
            evalFraction?: (number|null);
            maxExamples?: (number|null);
            clipNorm?: (number|null);
            noiseMultiplier?: (number|null);
            samplingRate?: (number|null);
            clipIndicator?: (boolean|null);
            distributedDp?: (conclave.v1.IDistributedDp|null);
            minExamples?: (number|null);
            maxEvalExamples?: (number|null);
            participationLimit?: (number|null);
        }

        class Plan implements IPlan {
            constructor(p?: conclave.v1.IPlan);
            public kind: conclave.v1.Plan.Kind;
            public stream: string;
            public purpose: string;
            public localEpochs: number;
            public batchSize: number;
            public clientLearningRate: number;
            public proxMu: number;
            public featuresJson: string;
            public topologyJson: string;
            public loss: string;
            public evalFraction: number;
            public maxExamples: number;
            public clipNorm: number;
            public noiseMultiplier: number;
            public samplingRate: number;
            public clipIndicator: boolean;
            public distributedDp?: (conclave.v1.IDistributedDp|null);
            public minExamples: number;
            public maxEvalExamples: number;
            public participationLimit: number;
            public static create(properties?: conclave.v1.IPlan): conclave.v1.Plan;
            public static encode(m: conclave.v1.IPlan, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Plan;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        namespace Plan {

            enum Kind {
                TRAIN = 0,
                EVALUATE = 1
            }
        }

        interface IDistributedDp {
            dimension?: (number|null);
            paddedDimension?: (number|null);
            bits?: (number|null);
            clipNorm?: (number|null);
            scale?: (number|null);
            localSigma2?: (number|null);
            l2Sensitivity?: (number|null);
            beta?: (number|null);
            rotationSeed?: (number|null);
        }

        class DistributedDp implements IDistributedDp {
            constructor(p?: conclave.v1.IDistributedDp);
            public dimension: number;
            public paddedDimension: number;
            public bits: number;
            public clipNorm: number;
            public scale: number;
            public localSigma2: number;
            public l2Sensitivity: number;
            public beta: number;
            public rotationSeed: number;
            public static create(properties?: conclave.v1.IDistributedDp): conclave.v1.DistributedDp;
            public static encode(m: conclave.v1.IDistributedDp, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.DistributedDp;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISecAggConfig {
            roundId?: (Uint8Array|null);
            cohortSize?: (number|null);
            vectorLength?: (number|null);
            degree?: (number|null);
            threshold?: (number|null);
            graphSeed?: (Uint8Array|null);
            consistencyCheck?: (boolean|null);
            minSurvivors?: (number|null);
            clientId?: (number|null);
            clipRange?: (number|null);
            bits?: (number|null);
            maxWeight?: (number|null);
            identityKeys?: (Uint8Array[]|null);
            metricsEntries?: (number|null);
            revocationLists?: (conclave.v1.IRevocationList[]|null);
        }

        class SecAggConfig implements ISecAggConfig {
            constructor(p?: conclave.v1.ISecAggConfig);
            public roundId: Uint8Array;
            public cohortSize: number;
            public vectorLength: number;
            public degree: number;
            public threshold: number;
            public graphSeed: Uint8Array;
            public consistencyCheck: boolean;
            public minSurvivors: number;
            public clientId: number;
            public clipRange: number;
            public bits: number;
            public maxWeight: number;
            public identityKeys: Uint8Array[];
            public metricsEntries: number;
            public revocationLists: conclave.v1.IRevocationList[];
            public static create(properties?: conclave.v1.ISecAggConfig): conclave.v1.SecAggConfig;
            public static encode(m: conclave.v1.ISecAggConfig, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SecAggConfig;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDeviceCertificate {
            deviceId?: (string|null);
            publicKey?: (Uint8Array|null);
            issuedAtMs?: (number|null);
            expiresAtMs?: (number|null);
            authorityKey?: (Uint8Array|null);
            signature?: (Uint8Array|null);
        }

        class DeviceCertificate implements IDeviceCertificate {
            constructor(p?: conclave.v1.IDeviceCertificate);
            public deviceId: string;
            public publicKey: Uint8Array;
            public issuedAtMs: number;
            public expiresAtMs: number;
            public authorityKey: Uint8Array;
            public signature: Uint8Array;
            public static create(properties?: conclave.v1.IDeviceCertificate): conclave.v1.DeviceCertificate;
            public static encode(m: conclave.v1.IDeviceCertificate, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.DeviceCertificate;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRevocationList {
            authorityKey?: (Uint8Array|null);
            sequence?: (number|null);
            issuedAtMs?: (number|null);
            revoked?: (string[]|null);
            signature?: (Uint8Array|null);
        }

        class RevocationList implements IRevocationList {
            constructor(p?: conclave.v1.IRevocationList);
            public authorityKey: Uint8Array;
            public sequence: number;
            public issuedAtMs: number;
            public revoked: string[];
            public signature: Uint8Array;
            public static create(properties?: conclave.v1.IRevocationList): conclave.v1.RevocationList;
            public static encode(m: conclave.v1.IRevocationList, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.RevocationList;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaPeerKeys {
            clientId?: (number|null);
            encryptionPublicKey?: (Uint8Array|null);
            maskingPublicKey?: (Uint8Array|null);
            identityPublicKey?: (Uint8Array|null);
            signature?: (Uint8Array|null);
            certificate?: (conclave.v1.IDeviceCertificate|null);
        }

        class SaPeerKeys implements ISaPeerKeys {
            constructor(p?: conclave.v1.ISaPeerKeys);
            public clientId: number;
            public encryptionPublicKey: Uint8Array;
            public maskingPublicKey: Uint8Array;
            public identityPublicKey: Uint8Array;
            public signature: Uint8Array;
            public certificate?: (conclave.v1.IDeviceCertificate|null);
            public static create(properties?: conclave.v1.ISaPeerKeys): conclave.v1.SaPeerKeys;
            public static encode(m: conclave.v1.ISaPeerKeys, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaPeerKeys;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaShare {
            peer?: (number|null);
            ciphertext?: (Uint8Array|null);
        }

        class SaShare implements ISaShare {
            constructor(p?: conclave.v1.ISaShare);
            public peer: number;
            public ciphertext: Uint8Array;
            public static create(properties?: conclave.v1.ISaShare): conclave.v1.SaShare;
            public static encode(m: conclave.v1.ISaShare, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaShare;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaRevealedShare {
            owner?: (number|null);
            share?: (Uint8Array|null);
        }

        class SaRevealedShare implements ISaRevealedShare {
            constructor(p?: conclave.v1.ISaRevealedShare);
            public owner: number;
            public share: Uint8Array;
            public static create(properties?: conclave.v1.ISaRevealedShare): conclave.v1.SaRevealedShare;
            public static encode(m: conclave.v1.ISaRevealedShare, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaRevealedShare;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaPeerSignature {
            clientId?: (number|null);
            signature?: (Uint8Array|null);
        }

        class SaPeerSignature implements ISaPeerSignature {
            constructor(p?: conclave.v1.ISaPeerSignature);
            public clientId: number;
            public signature: Uint8Array;
            public static create(properties?: conclave.v1.ISaPeerSignature): conclave.v1.SaPeerSignature;
            public static encode(m: conclave.v1.ISaPeerSignature, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaPeerSignature;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISecAgg {
            taskId?: (string|null);
            round?: (number|null);
            roundId?: (Uint8Array|null);
            attemptId?: (Uint8Array|null);
            advertiseKeys?: (conclave.v1.ISaAdvertiseKeys|null);
            shareKeys?: (conclave.v1.ISaShareKeys|null);
            consistencySignature?: (conclave.v1.ISaConsistencySignature|null);
            unmaskShares?: (conclave.v1.ISaUnmaskShares|null);
            keysBroadcast?: (conclave.v1.ISaKeysBroadcast|null);
            sharesBroadcast?: (conclave.v1.ISaSharesBroadcast|null);
            consistencyRequest?: (conclave.v1.ISaConsistencyRequest|null);
            unmaskRequest?: (conclave.v1.ISaUnmaskRequest|null);
        }

        class SecAgg implements ISecAgg {
            constructor(p?: conclave.v1.ISecAgg);
            public taskId: string;
            public round: number;
            public roundId: Uint8Array;
            public attemptId: Uint8Array;
            public advertiseKeys?: (conclave.v1.ISaAdvertiseKeys|null);
            public shareKeys?: (conclave.v1.ISaShareKeys|null);
            public consistencySignature?: (conclave.v1.ISaConsistencySignature|null);
            public unmaskShares?: (conclave.v1.ISaUnmaskShares|null);
            public keysBroadcast?: (conclave.v1.ISaKeysBroadcast|null);
            public sharesBroadcast?: (conclave.v1.ISaSharesBroadcast|null);
            public consistencyRequest?: (conclave.v1.ISaConsistencyRequest|null);
            public unmaskRequest?: (conclave.v1.ISaUnmaskRequest|null);
            public step?: ("advertiseKeys"|"shareKeys"|"consistencySignature"|"unmaskShares"|"keysBroadcast"|"sharesBroadcast"|"consistencyRequest"|"unmaskRequest");
            public static create(properties?: conclave.v1.ISecAgg): conclave.v1.SecAgg;
            public static encode(m: conclave.v1.ISecAgg, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SecAgg;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaAdvertiseKeys {
            encryptionPublicKey?: (Uint8Array|null);
            maskingPublicKey?: (Uint8Array|null);
            identityPublicKey?: (Uint8Array|null);
            signature?: (Uint8Array|null);
        }

        class SaAdvertiseKeys implements ISaAdvertiseKeys {
            constructor(p?: conclave.v1.ISaAdvertiseKeys);
            public encryptionPublicKey: Uint8Array;
            public maskingPublicKey: Uint8Array;
            public identityPublicKey: Uint8Array;
            public signature: Uint8Array;
            public static create(properties?: conclave.v1.ISaAdvertiseKeys): conclave.v1.SaAdvertiseKeys;
            public static encode(m: conclave.v1.ISaAdvertiseKeys, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaAdvertiseKeys;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaShareKeys {
            shares?: (conclave.v1.ISaShare[]|null);
        }

        class SaShareKeys implements ISaShareKeys {
            constructor(p?: conclave.v1.ISaShareKeys);
            public shares: conclave.v1.ISaShare[];
            public static create(properties?: conclave.v1.ISaShareKeys): conclave.v1.SaShareKeys;
            public static encode(m: conclave.v1.ISaShareKeys, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaShareKeys;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaConsistencySignature {
            signature?: (Uint8Array|null);
        }

        class SaConsistencySignature implements ISaConsistencySignature {
            constructor(p?: conclave.v1.ISaConsistencySignature);
            public signature: Uint8Array;
            public static create(properties?: conclave.v1.ISaConsistencySignature): conclave.v1.SaConsistencySignature;
            public static encode(m: conclave.v1.ISaConsistencySignature, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaConsistencySignature;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaUnmaskShares {
            selfMaskShares?: (conclave.v1.ISaRevealedShare[]|null);
            pairwiseKeyShares?: (conclave.v1.ISaRevealedShare[]|null);
        }

        class SaUnmaskShares implements ISaUnmaskShares {
            constructor(p?: conclave.v1.ISaUnmaskShares);
            public selfMaskShares: conclave.v1.ISaRevealedShare[];
            public pairwiseKeyShares: conclave.v1.ISaRevealedShare[];
            public static create(properties?: conclave.v1.ISaUnmaskShares): conclave.v1.SaUnmaskShares;
            public static encode(m: conclave.v1.ISaUnmaskShares, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaUnmaskShares;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaKeysBroadcast {
            peers?: (conclave.v1.ISaPeerKeys[]|null);
        }

        class SaKeysBroadcast implements ISaKeysBroadcast {
            constructor(p?: conclave.v1.ISaKeysBroadcast);
            public peers: conclave.v1.ISaPeerKeys[];
            public static create(properties?: conclave.v1.ISaKeysBroadcast): conclave.v1.SaKeysBroadcast;
            public static encode(m: conclave.v1.ISaKeysBroadcast, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaKeysBroadcast;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaSharesBroadcast {
            shares?: (conclave.v1.ISaShare[]|null);
        }

        class SaSharesBroadcast implements ISaSharesBroadcast {
            constructor(p?: conclave.v1.ISaSharesBroadcast);
            public shares: conclave.v1.ISaShare[];
            public static create(properties?: conclave.v1.ISaSharesBroadcast): conclave.v1.SaSharesBroadcast;
            public static encode(m: conclave.v1.ISaSharesBroadcast, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaSharesBroadcast;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaConsistencyRequest {
            survivors?: (number[]|null);
        }

        class SaConsistencyRequest implements ISaConsistencyRequest {
            constructor(p?: conclave.v1.ISaConsistencyRequest);
            public survivors: number[];
            public static create(properties?: conclave.v1.ISaConsistencyRequest): conclave.v1.SaConsistencyRequest;
            public static encode(m: conclave.v1.ISaConsistencyRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaConsistencyRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISaUnmaskRequest {
            survivors?: (number[]|null);
            dropped?: (number[]|null);
            signatures?: (conclave.v1.ISaPeerSignature[]|null);
        }

        class SaUnmaskRequest implements ISaUnmaskRequest {
            constructor(p?: conclave.v1.ISaUnmaskRequest);
            public survivors: number[];
            public dropped: number[];
            public signatures: conclave.v1.ISaPeerSignature[];
            public static create(properties?: conclave.v1.ISaUnmaskRequest): conclave.v1.SaUnmaskRequest;
            public static encode(m: conclave.v1.ISaUnmaskRequest, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SaUnmaskRequest;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISelected {
            taskId?: (string|null);
            round?: (number|null);
            modelVersion?: (number|null);
            plan?: (conclave.v1.IPlan|null);
            modelBytes?: (number|null);
            modelCached?: (boolean|null);
            reportDeadlineMs?: (number|null);
            secagg?: (conclave.v1.ISecAggConfig|null);
            approval?: (conclave.v1.ITaskApproval|null);
            logProof?: (conclave.v1.ILogProof|null);
            attemptId?: (Uint8Array|null);
        }

        class Selected implements ISelected {
            constructor(p?: conclave.v1.ISelected);
            public taskId: string;
            public round: number;
            public modelVersion: number;
            public plan?: (conclave.v1.IPlan|null);
            public modelBytes: number;
            public modelCached: boolean;
            public reportDeadlineMs: number;
            public secagg?: (conclave.v1.ISecAggConfig|null);
            public approval?: (conclave.v1.ITaskApproval|null);
            public logProof?: (conclave.v1.ILogProof|null);
            public attemptId: Uint8Array;
            public static create(properties?: conclave.v1.ISelected): conclave.v1.Selected;
            public static encode(m: conclave.v1.ISelected, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Selected;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ITaskApproval {
            statementJson?: (string|null);
            signature?: (Uint8Array|null);
        }

        class TaskApproval implements ITaskApproval {
            constructor(p?: conclave.v1.ITaskApproval);
            public statementJson: string;
            public signature: Uint8Array;
            public static create(properties?: conclave.v1.ITaskApproval): conclave.v1.TaskApproval;
            public static encode(m: conclave.v1.ITaskApproval, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.TaskApproval;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ISignedTreeHead {
            size?: (number|null);
            rootHash?: (Uint8Array|null);
            timestampMs?: (number|null);
            approverKey?: (Uint8Array|null);
            signature?: (Uint8Array|null);
        }

        class SignedTreeHead implements ISignedTreeHead {
            constructor(p?: conclave.v1.ISignedTreeHead);
            public size: number;
            public rootHash: Uint8Array;
            public timestampMs: number;
            public approverKey: Uint8Array;
            public signature: Uint8Array;
            public static create(properties?: conclave.v1.ISignedTreeHead): conclave.v1.SignedTreeHead;
            public static encode(m: conclave.v1.ISignedTreeHead, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.SignedTreeHead;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ILogProof {
            head?: (conclave.v1.ISignedTreeHead|null);
            leafIndex?: (number|null);
            inclusion?: (Uint8Array[]|null);
            consistencyFrom?: (number|null);
            consistency?: (Uint8Array[]|null);
        }

        class LogProof implements ILogProof {
            constructor(p?: conclave.v1.ILogProof);
            public head?: (conclave.v1.ISignedTreeHead|null);
            public leafIndex: number;
            public inclusion: Uint8Array[];
            public consistencyFrom: number;
            public consistency: Uint8Array[];
            public static create(properties?: conclave.v1.ILogProof): conclave.v1.LogProof;
            public static encode(m: conclave.v1.ILogProof, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.LogProof;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IModelChunk {
            taskId?: (string|null);
            modelVersion?: (number|null);
            offset?: (number|null);
            data?: (Uint8Array|null);
        }

        class ModelChunk implements IModelChunk {
            constructor(p?: conclave.v1.IModelChunk);
            public taskId: string;
            public modelVersion: number;
            public offset: number;
            public data: Uint8Array;
            public static create(properties?: conclave.v1.IModelChunk): conclave.v1.ModelChunk;
            public static encode(m: conclave.v1.IModelChunk, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.ModelChunk;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IProgress {
            taskId?: (string|null);
            round?: (number|null);
            fraction?: (number|null);
            attemptId?: (Uint8Array|null);
        }

        class Progress implements IProgress {
            constructor(p?: conclave.v1.IProgress);
            public taskId: string;
            public round: number;
            public fraction: number;
            public attemptId: Uint8Array;
            public static create(properties?: conclave.v1.IProgress): conclave.v1.Progress;
            public static encode(m: conclave.v1.IProgress, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Progress;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUploadStart {
            taskId?: (string|null);
            round?: (number|null);
            modelVersion?: (number|null);
            numExamples?: (number|null);
            updateBytes?: (number|null);
            attemptId?: (Uint8Array|null);
        }

        class UploadStart implements IUploadStart {
            constructor(p?: conclave.v1.IUploadStart);
            public taskId: string;
            public round: number;
            public modelVersion: number;
            public numExamples: number;
            public updateBytes: number;
            public attemptId: Uint8Array;
            public static create(properties?: conclave.v1.IUploadStart): conclave.v1.UploadStart;
            public static encode(m: conclave.v1.IUploadStart, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.UploadStart;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUploadGrant {
            taskId?: (string|null);
            round?: (number|null);
            attemptId?: (Uint8Array|null);
        }

        class UploadGrant implements IUploadGrant {
            constructor(p?: conclave.v1.IUploadGrant);
            public taskId: string;
            public round: number;
            public attemptId: Uint8Array;
            public static create(properties?: conclave.v1.IUploadGrant): conclave.v1.UploadGrant;
            public static encode(m: conclave.v1.IUploadGrant, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.UploadGrant;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUploadChunk {
            taskId?: (string|null);
            round?: (number|null);
            offset?: (number|null);
            data?: (Uint8Array|null);
            attemptId?: (Uint8Array|null);
        }

        class UploadChunk implements IUploadChunk {
            constructor(p?: conclave.v1.IUploadChunk);
            public taskId: string;
            public round: number;
            public offset: number;
            public data: Uint8Array;
            public attemptId: Uint8Array;
            public static create(properties?: conclave.v1.IUploadChunk): conclave.v1.UploadChunk;
            public static encode(m: conclave.v1.IUploadChunk, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.UploadChunk;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReportAck {
            taskId?: (string|null);
            round?: (number|null);
            accepted?: (boolean|null);
            reason?: (string|null);
            attemptId?: (Uint8Array|null);
        }

        class ReportAck implements IReportAck {
            constructor(p?: conclave.v1.IReportAck);
            public taskId: string;
            public round: number;
            public accepted: boolean;
            public reason: string;
            public attemptId: Uint8Array;
            public static create(properties?: conclave.v1.IReportAck): conclave.v1.ReportAck;
            public static encode(m: conclave.v1.IReportAck, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.ReportAck;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        enum ReasonCode {
            REASON_UNSPECIFIED = 0,
            NOT_ENOUGH_EXAMPLES = 1,
            CONSENT_WITHDRAWN = 2,
            PAUSED = 3,
            INELIGIBLE = 4,
            PRIVACY_CAP_REACHED = 5,
            PARTICIPATION_LIMIT_REACHED = 6,
            POLICY_REFUSED_COHORT_TOO_SMALL = 10,
            POLICY_REFUSED_UNCERTIFIED_PEER = 11,
            POLICY_REFUSED_MALICIOUS_SERVER_PROTECTION_OFF = 12,
            POLICY_REFUSED_TASK_NOT_APPROVED = 13,
            POLICY_REFUSED_EPSILON_CEILING = 14,
            POLICY_REFUSED_TRANSPARENCY_LOG = 15,
            POLICY_REFUSED_PLAN_MISMATCH = 16,
            TRAINING_FAILED = 20,
            EVALUATION_FAILED = 21,
            MODEL_DOWNLOAD_FAILED = 22,
            SECURE_AGGREGATION_FAILED = 23,
            SECURE_AGGREGATION_REQUIRED = 24,
            ENCODING_REFUSED = 25,
            UPLOAD_FAILED = 26,
            DEVICE_WIPED = 30,
            CLIENT_STOPPED = 31,
            MODEL_MISMATCH = 40,
            OUT_OF_MEMORY = 41,
            STORAGE_ERROR = 42,
            TIMEOUT = 43,
            INTERNAL = 44
        }

        interface IWithdraw {
            taskId?: (string|null);
            round?: (number|null);
            code?: (conclave.v1.ReasonCode|null);
            attemptId?: (Uint8Array|null);
        }

        class Withdraw implements IWithdraw {
            constructor(p?: conclave.v1.IWithdraw);
            public taskId: string;
            public round: number;
            public code: conclave.v1.ReasonCode;
            public attemptId: Uint8Array;
            public static create(properties?: conclave.v1.IWithdraw): conclave.v1.Withdraw;
            public static encode(m: conclave.v1.IWithdraw, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Withdraw;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRoundClosed {
            taskId?: (string|null);
            round?: (number|null);
            reason?: (string|null);
            attemptId?: (Uint8Array|null);
            late?: (boolean|null);
        }

        class RoundClosed implements IRoundClosed {
            constructor(p?: conclave.v1.IRoundClosed);
            public taskId: string;
            public round: number;
            public reason: string;
            public attemptId: Uint8Array;
            public late: boolean;
            public static create(properties?: conclave.v1.IRoundClosed): conclave.v1.RoundClosed;
            public static encode(m: conclave.v1.IRoundClosed, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.RoundClosed;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEnvelope {
            hello?: (conclave.v1.IHello|null);
            welcome?: (conclave.v1.IWelcome|null);
            error?: (conclave.v1.IError|null);
            checkIn?: (conclave.v1.ICheckIn|null);
            comeBackLater?: (conclave.v1.IComeBackLater|null);
            selected?: (conclave.v1.ISelected|null);
            modelChunk?: (conclave.v1.IModelChunk|null);
            progress?: (conclave.v1.IProgress|null);
            uploadStart?: (conclave.v1.IUploadStart|null);
            uploadChunk?: (conclave.v1.IUploadChunk|null);
            reportAck?: (conclave.v1.IReportAck|null);
            withdraw?: (conclave.v1.IWithdraw|null);
            roundClosed?: (conclave.v1.IRoundClosed|null);
            uploadGrant?: (conclave.v1.IUploadGrant|null);
            challenge?: (conclave.v1.IChallenge|null);
            proof?: (conclave.v1.IProof|null);
            secagg?: (conclave.v1.ISecAgg|null);
        }

        class Envelope implements IEnvelope {
            constructor(p?: conclave.v1.IEnvelope);
            public hello?: (conclave.v1.IHello|null);
            public welcome?: (conclave.v1.IWelcome|null);
            public error?: (conclave.v1.IError|null);
            public checkIn?: (conclave.v1.ICheckIn|null);
            public comeBackLater?: (conclave.v1.IComeBackLater|null);
            public selected?: (conclave.v1.ISelected|null);
            public modelChunk?: (conclave.v1.IModelChunk|null);
            public progress?: (conclave.v1.IProgress|null);
            public uploadStart?: (conclave.v1.IUploadStart|null);
            public uploadChunk?: (conclave.v1.IUploadChunk|null);
            public reportAck?: (conclave.v1.IReportAck|null);
            public withdraw?: (conclave.v1.IWithdraw|null);
            public roundClosed?: (conclave.v1.IRoundClosed|null);
            public uploadGrant?: (conclave.v1.IUploadGrant|null);
            public challenge?: (conclave.v1.IChallenge|null);
            public proof?: (conclave.v1.IProof|null);
            public secagg?: (conclave.v1.ISecAgg|null);
            public body?: ("hello"|"welcome"|"error"|"checkIn"|"comeBackLater"|"selected"|"modelChunk"|"progress"|"uploadStart"|"uploadChunk"|"reportAck"|"withdraw"|"roundClosed"|"uploadGrant"|"challenge"|"proof"|"secagg");
            public static create(properties?: conclave.v1.IEnvelope): conclave.v1.Envelope;
            public static encode(m: conclave.v1.IEnvelope, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Envelope;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }
    }
}
