//! Random streams for the forecast: the generator ([`Rng`], xoshiro256**
//! seeded by SplitMix64) with its `jump` (one stream per
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
    // Fixed length, so a layer index (8 bits, + 1) needs no bounds check.
    x: Box<[f64; LAYERS + 1]>,
    f: Box<[f64; LAYERS + 1]>,
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
        let mut x = Box::new([0.0; LAYERS + 1]);
        let mut f = Box::new([0.0; LAYERS + 1]);
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

/// xoshiro256** (Blackman & Vigna), seeded through SplitMix64.
#[derive(Clone, Debug)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng {
            s: [next(), next(), next(), next()],
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = &mut self.s;
        let result = s1.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = *s1 << 17;
        *s2 ^= *s0;
        *s3 ^= *s1;
        *s1 ^= *s2;
        *s0 ^= *s3;
        *s2 ^= t;
        *s3 = s3.rotate_left(45);
        result
    }

    /// Uniform in the open interval (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Standard normal (by the inverse CDF; the forecast uses [`Ziggurat`]).
    pub fn normal(&mut self) -> f64 {
        normal_inv(self.uniform())
    }
}

/// Natural logarithm from basic operations only (same bits on every platform).
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    let mut bits = x.to_bits();
    let mut e: i64 = ((bits >> 52) & 0x7ff) as i64;
    if e == 0 {
        // Subnormal: scale up by 2^54.
        let y = x * 18_014_398_509_481_984.0;
        bits = y.to_bits();
        e = ((bits >> 52) & 0x7ff) as i64 - 54;
    }
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    let mut k = e - 1023;
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        k += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    // 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …); |s| < 0.172 so 12 terms exceed f64 precision.
    let mut term = s;
    let mut sum = 0.0;
    let mut d = 1.0;
    for _ in 0..12 {
        sum += term / d;
        term *= s2;
        d += 2.0;
    }
    2.0 * sum + k as f64 * std::f64::consts::LN_2
}

/// Acklam's inverse of the standard normal CDF (relative error < 1.2e-9).
pub fn normal_inv(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let [a0, a1, a2, a3, a4, a5] = A;
    let [b0, b1, b2, b3, b4] = B;
    let [c0, c1, c2, c3, c4, c5] = C;
    let [d0, d1, d2, d3] = D;
    let tail = |q: f64| {
        (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5)
            / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1.0)
    };
    const P_LOW: f64 = 0.02425;
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    if p < P_LOW {
        tail((-2.0 * ln(p)).sqrt())
    } else if p <= 1.0 - P_LOW {
        let q = p - 0.5;
        let r = q * q;
        (((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q
            / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1.0)
    } else {
        -tail((-2.0 * ln(1.0 - p)).sqrt())
    }
}
