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
        }

        class Error implements IError {
            constructor(p?: conclave.v1.IError);
            public code: string;
            public message: string;
            public fatal: boolean;
            public taskId: string;
            public round: number;
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
            exampleCounts?: ({ [k: string]: number }|null);
        }

        class CheckIn implements ICheckIn {
            constructor(p?: conclave.v1.ICheckIn);
            public streams: string[];
            public eligible: boolean;
            public cached: conclave.v1.ICachedModel[];
            public exampleCounts: { [k: string]: number };
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

        interface ISelected {
            taskId?: (string|null);
            round?: (number|null);
            modelVersion?: (number|null);
            plan?: (conclave.v1.IPlan|null);
            modelBytes?: (number|null);
            modelCached?: (boolean|null);
            reportDeadlineMs?: (number|null);
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
            public static create(properties?: conclave.v1.ISelected): conclave.v1.Selected;
            public static encode(m: conclave.v1.ISelected, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Selected;
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
        }

        class Progress implements IProgress {
            constructor(p?: conclave.v1.IProgress);
            public taskId: string;
            public round: number;
            public fraction: number;
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
            trainLoss?: (number|null);
            evalExamples?: (number|null);
            evalLoss?: (number|null);
            evalAccuracy?: (number|null);
        }

        class UploadStart implements IUploadStart {
            constructor(p?: conclave.v1.IUploadStart);
            public taskId: string;
            public round: number;
            public modelVersion: number;
            public numExamples: number;
            public updateBytes: number;
            public trainLoss: number;
            public evalExamples: number;
            public evalLoss: number;
            public evalAccuracy: number;
            public static create(properties?: conclave.v1.IUploadStart): conclave.v1.UploadStart;
            public static encode(m: conclave.v1.IUploadStart, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.UploadStart;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IUploadGrant {
            taskId?: (string|null);
            round?: (number|null);
        }

        class UploadGrant implements IUploadGrant {
            constructor(p?: conclave.v1.IUploadGrant);
            public taskId: string;
            public round: number;
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
        }

        class UploadChunk implements IUploadChunk {
            constructor(p?: conclave.v1.IUploadChunk);
            public taskId: string;
            public round: number;
            public offset: number;
            public data: Uint8Array;
            public static create(properties?: conclave.v1.IUploadChunk): conclave.v1.UploadChunk;
            public static encode(m: conclave.v1.IUploadChunk, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.UploadChunk;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IEvalReport {
            taskId?: (string|null);
            round?: (number|null);
            modelVersion?: (number|null);
            evalExamples?: (number|null);
            evalLoss?: (number|null);
            evalAccuracy?: (number|null);
        }

        class EvalReport implements IEvalReport {
            constructor(p?: conclave.v1.IEvalReport);
            public taskId: string;
            public round: number;
            public modelVersion: number;
            public evalExamples: number;
            public evalLoss: number;
            public evalAccuracy: number;
            public static create(properties?: conclave.v1.IEvalReport): conclave.v1.EvalReport;
            public static encode(m: conclave.v1.IEvalReport, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.EvalReport;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReportAck {
            taskId?: (string|null);
            round?: (number|null);
            accepted?: (boolean|null);
            reason?: (string|null);
        }

        class ReportAck implements IReportAck {
            constructor(p?: conclave.v1.IReportAck);
            public taskId: string;
            public round: number;
            public accepted: boolean;
            public reason: string;
            public static create(properties?: conclave.v1.IReportAck): conclave.v1.ReportAck;
            public static encode(m: conclave.v1.IReportAck, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.ReportAck;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWithdraw {
            taskId?: (string|null);
            round?: (number|null);
            reason?: (string|null);
        }

        class Withdraw implements IWithdraw {
            constructor(p?: conclave.v1.IWithdraw);
            public taskId: string;
            public round: number;
            public reason: string;
            public static create(properties?: conclave.v1.IWithdraw): conclave.v1.Withdraw;
            public static encode(m: conclave.v1.IWithdraw, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Withdraw;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IRoundClosed {
            taskId?: (string|null);
            round?: (number|null);
            reason?: (string|null);
        }

        class RoundClosed implements IRoundClosed {
            constructor(p?: conclave.v1.IRoundClosed);
            public taskId: string;
            public round: number;
            public reason: string;
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
            evalReport?: (conclave.v1.IEvalReport|null);
            reportAck?: (conclave.v1.IReportAck|null);
            withdraw?: (conclave.v1.IWithdraw|null);
            roundClosed?: (conclave.v1.IRoundClosed|null);
            uploadGrant?: (conclave.v1.IUploadGrant|null);
            challenge?: (conclave.v1.IChallenge|null);
            proof?: (conclave.v1.IProof|null);
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
            public evalReport?: (conclave.v1.IEvalReport|null);
            public reportAck?: (conclave.v1.IReportAck|null);
            public withdraw?: (conclave.v1.IWithdraw|null);
            public roundClosed?: (conclave.v1.IRoundClosed|null);
            public uploadGrant?: (conclave.v1.IUploadGrant|null);
            public challenge?: (conclave.v1.IChallenge|null);
            public proof?: (conclave.v1.IProof|null);
            public body?: ("hello"|"welcome"|"error"|"checkIn"|"comeBackLater"|"selected"|"modelChunk"|"progress"|"uploadStart"|"uploadChunk"|"evalReport"|"reportAck"|"withdraw"|"roundClosed"|"uploadGrant"|"challenge"|"proof");
            public static create(properties?: conclave.v1.IEnvelope): conclave.v1.Envelope;
            public static encode(m: conclave.v1.IEnvelope, w?: $protobuf.Writer): $protobuf.Writer;
            public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): conclave.v1.Envelope;
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }
    }
}
