/**
 * A 173-byte WebAssembly module that adds (or subtracts) one keystream chunk into a partial sum
 * four 32-bit words at a time (SIMD `i32x4.add` / `i32x4.sub`, wrapping mod 2^32 like `| 0`).
 * The mask worker threads (`mask-worker-source.ts`) use it for the 32-bit add of every mask: on
 * the 2-core benchmark machine the scalar JavaScript loop over a 400 kB mask costs about as much
 * as the AES-256-CTR keystream itself (≈ 100 µs), the SIMD loop ≈ 20 µs including the copy of
 * each 16 KB chunk into the module's memory.
 *
 * The module, in the WebAssembly text format (assembled by hand below, byte for byte):
 *
 *   (module
 *     (import "env" "memory" (memory 1))
 *     ;; dst[0..n) += src[0..n) as i32 words; n a multiple of 4, dst and src byte offsets
 *     (func (export "add") (param $dst i32) (param $src i32) (param $n i32)
 *       (block (loop
 *         (br_if 1 (i32.eqz (local.get $n)))
 *         (v128.store (local.get $dst)
 *           (i32x4.add (v128.load (local.get $dst)) (v128.load (local.get $src))))
 *         (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
 *         (local.set $src (i32.add (local.get $src) (i32.const 16)))
 *         (local.set $n (i32.sub (local.get $n) (i32.const 4)))
 *         (br 0))))
 *     (func (export "sub") …the same with i32x4.sub…))
 *
 * WebAssembly memory is little-endian on every host, as the mask PRG's words are (`prg.ts`);
 * the callers use it only on little-endian hosts, where their Int32Array views agree with it.
 * test/prg-workers.test.ts checks both paths against the scalar PRG bit for bit.
 */

/** The body of one function: `op` is the SIMD opcode's LEB128 bytes (i32x4.add 0xae 0x01, i32x4.sub 0xb1 0x01). */
function body(op: readonly number[]): number[] {
  const code = [
    0x00, // no locals
    0x02, 0x40, // block
    0x03, 0x40, // loop
    0x20, 0x02, 0x45, 0x0d, 0x01, // br_if 1 (i32.eqz (local.get $n))
    0x20, 0x00, // local.get $dst (store address)
    0x20, 0x00, 0xfd, 0x00, 0x04, 0x00, // v128.load (local.get $dst), align 2^4, offset 0
    0x20, 0x01, 0xfd, 0x00, 0x04, 0x00, // v128.load (local.get $src)
    0xfd, ...op, // i32x4.add | i32x4.sub
    0xfd, 0x0b, 0x04, 0x00, // v128.store
    0x20, 0x00, 0x41, 0x10, 0x6a, 0x21, 0x00, // $dst += 16
    0x20, 0x01, 0x41, 0x10, 0x6a, 0x21, 0x01, // $src += 16
    0x20, 0x02, 0x41, 0x04, 0x6b, 0x21, 0x02, // $n -= 4
    0x0c, 0x00, // br 0
    0x0b, 0x0b, 0x0b, // end loop, end block, end func
  ];
  return [code.length, ...code];
}

function section(id: number, content: readonly number[]): number[] {
  return [id, content.length, ...content];
}

const ADD = body([0xae, 0x01]);
const SUB = body([0xb1, 0x01]);

/** The module's bytes (WebAssembly core spec 2.0, binary format §5; SIMD opcodes §5.4.8). */
export const MASK_ADD_WASM: Uint8Array<ArrayBuffer> = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  ...section(1, [0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x00]), // type 0: (i32, i32, i32) → ()
  ...section(2, [0x01, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x01]), // import "env" "memory" (memory 1)
  ...section(3, [0x02, 0x00, 0x00]), // two functions of type 0
  ...section(7, [0x02, 0x03, 0x61, 0x64, 0x64, 0x00, 0x00, 0x03, 0x73, 0x75, 0x62, 0x00, 0x01]), // export "add" = func 0, "sub" = func 1
  ...section(10, [0x02, ...ADD, ...SUB]), // code
]);
