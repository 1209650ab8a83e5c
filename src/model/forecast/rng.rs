//! Random streams for the forecast: xoshiro256**'s `jump` (one stream per
//! simulated month, 2^128 steps apart) and standard normals by the ziggurat
//! method (Marsaglia & Tsang, 256 layers).
//!
//! **Same bits everywhere.** The ziggurat's tables are computed once per
//! [`Ziggurat`] from `sqrt` (exact in IEEE 754) and `libm`'s `exp`/`log`
//! (pure Rust, the same code natively and in wasm); the draw itself uses
//! `libm` only in the rare wedge and tail cases. No platform `exp`/`ln`.
//!
//! **Partition-free.** Month `m` draws from the seed's generator jumped `m`
//! times, so a month's numbers do not depend on which worker, chunk or order
//! computes it; only on the seed and the month.

use super::Rng;

/// xoshiro256**'s jump polynomial (2^128 steps), from the reference code.
const JUMP: [u64; 4] = [
    0x180e_c6d3_3cfd_0aba,
    0xd5a6_1266_f0c9_392c,
    0xa958_2618_e03f_c9aa,
    0x39ab_dc45_29b1_661c,
];

impl Rng {
    /// Advances the generator by 2^128 steps: the start of the next of
    /// 2^128 non-overlapping streams.
    pub fn jump(&mut self) {
        let mut acc = [0u64; 4];
        for word in JUMP {
            for b in 0..64 {
                if word & (1u64 << b) != 0 {
                    for (a, s) in acc.iter_mut().zip(&self.s) {
                        *a ^= *s;
                    }
                }
                self.next_u64();
            }
        }
        self.s = acc;
    }

    /// The four state words (for tests against a reference implementation).
    pub fn state(&self) -> [u64; 4] {
        self.s
    }
}

/// Layers of the ziggurat.
const LAYERS: usize = 256;
/// Right edge of the base layer and the area of each layer, for 256 layers
/// (Marsaglia & Tsang 2000).
const R: f64 = 3.654_152_885_361_009;
const V: f64 = 0.004_928_673_233_99;

/// The ziggurat's tables: `x[i]` the right edge of layer `i` (`x[0]` the
/// base layer's equivalent width, `x[256] = 0`), `f[i] = exp(−x[i]²/2)`.
#[derive(Clone, Debug)]
pub struct Ziggurat {
    x: Vec<f64>,
    f: Vec<f64>,
}

impl Default for Ziggurat {
    fn default() -> Self {
        Ziggurat::new()
    }
}

fn pdf(x: f64) -> f64 {
    libm::exp(-0.5 * x * x)
}

impl Ziggurat {
    pub fn new() -> Ziggurat {
        let mut x = vec![0.0; LAYERS + 1];
        let mut f = vec![0.0; LAYERS + 1];
        let fr = pdf(R);
        let mut xi = R;
        for i in 0..=LAYERS {
            let v = match i {
                0 => V / fr,
                1 => R,
                LAYERS => 0.0,
                _ => {
                    // Layer i−1 has area V: x[i−1] × (f(x[i]) − f(x[i−1])) = V.
                    let prev = xi;
                    xi = (-2.0 * libm::log(V / prev + pdf(prev))).sqrt();
                    xi
                }
            };
            if let (Some(xs), Some(fs)) = (x.get_mut(i), f.get_mut(i)) {
                *xs = v;
                *fs = pdf(v);
            }
        }
        Ziggurat { x, f }
    }

    /// One standard normal from `rng`.
    pub fn normal(&self, rng: &mut Rng) -> f64 {
        loop {
            let bits = rng.next_u64();
            let i = (bits & 0xff) as usize;
            // The top 52 bits as a float in [1, 2), then in [−1, 1).
            let u = 2.0 * f64::from_bits((bits >> 12) | 0x3ff0_0000_0000_0000) - 3.0;
            let (xi, xn) = (
                self.x.get(i).copied().unwrap_or(0.0),
                self.x.get(i + 1).copied().unwrap_or(0.0),
            );
            let x = u * xi;
            if x.abs() < xn {
                return x;
            }
            if i == 0 {
                return tail(rng, u < 0.0);
            }
            let (fi, fnext) = (
                self.f.get(i).copied().unwrap_or(0.0),
                self.f.get(i + 1).copied().unwrap_or(0.0),
            );
            if fnext + (fi - fnext) * rng.uniform() < pdf(x) {
                return x;
            }
        }
    }
}

/// Marsaglia's tail method beyond `R`.
fn tail(rng: &mut Rng, negative: bool) -> f64 {
    loop {
        let x = libm::log(rng.uniform()) / R;
        let y = libm::log(rng.uniform());
        if -2.0 * y >= x * x {
            return if negative { x - R } else { R - x };
        }
    }
}
