//! Inline SVG charts drawn from the model's numbers. Every chart is paired
//! with a table view by its caller.

use yew::prelude::*;

/// One line of a step chart.
#[derive(Clone, PartialEq)]
pub struct Series {
    pub label: AttrValue,
    /// CSS class giving the colour (`s0`, `s1`…).
    pub class: AttrValue,
    pub points: Vec<(f64, f64)>,
}

#[derive(Properties, PartialEq)]
pub struct StepChartProps {
    pub title: AttrValue,
    pub x_label: AttrValue,
    pub series: Vec<Series>,
}

const H: f64 = 260.0;
const L: f64 = 44.0;
const R: f64 = 12.0;
const T: f64 = 12.0;
const B: f64 = 36.0;

/// The width, in CSS pixels, a chart gets on this screen: charts drawn in
/// units of this width keep their text at its CSS size (11 px and more)
/// instead of shrinking a 640-unit drawing to a phone's 350 px.
pub fn chart_width() -> f64 {
    let vw = gloo::utils::window()
        .inner_width()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(1366.0);
    // The page's side padding and the panel's leave about 40 px less.
    (vw - 40.0).clamp(300.0, 640.0)
}

/// A "nice" upper bound and tick step for `max`.
fn nice(max: f64) -> (f64, f64) {
    if max <= 0.0 || !max.is_finite() {
        return (1.0, 1.0);
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
        .max(1.0);
    ((max / step).ceil() * step, step)
}

/// A step-line chart (headcounts change in whole steps).
#[component]
pub fn StepChart(props: &StepChartProps) -> Html {
    let xs = props
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0));
    let ys = props
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1));
    // Drawn at the width it gets on screen, so a phone keeps 12 px labels.
    let w = chart_width();
    let narrow = w < 500.0;
    let x_max = xs.fold(0.0f64, f64::max).max(1.0);
    let (y_max, y_step) = nice(ys.fold(0.0f64, f64::max));
    let px = |x: f64| L + x / x_max * (w - L - R);
    let py = |y: f64| H - B - y / y_max * (H - T - B);
    let mut y_ticks = Vec::new();
    let mut y = 0.0;
    while y <= y_max + 1e-9 {
        y_ticks.push(y);
        y += y_step;
    }
    // Fewer x ticks on a phone: a label about every 60 px.
    let (_, x_step) = nice(if narrow { x_max * 1.6 } else { x_max });
    let mut x_ticks = Vec::new();
    let mut x = 0.0;
    while x <= x_max + 1e-9 {
        x_ticks.push(x);
        x += x_step;
    }
    let lines = props.series.iter().map(|s| {
        let mut d = String::new();
        // A step: hold the previous headcount until x, then jump to the new one.
        for (i, &(x, y)) in s.points.iter().enumerate() {
            if i == 0 {
                d.push_str(&format!("M{:.1},{:.1}", px(x), py(y)));
            } else {
                d.push_str(&format!(" H{:.1} V{:.1}", px(x), py(y)));
            }
        }
        html! { <path class={classes!("line", s.class.to_string())} d={d} /> }
    });
    let per = ((w - L - 8.0) / props.series.len().max(1) as f64).min(150.0);
    let legend = props.series.iter().enumerate().map(|(i, s)| {
        let x = L + 8.0 + i as f64 * per;
        html! {
            <g class={classes!("legend", s.class.to_string())}>
                <line x1={x.to_string()} x2={(x + 18.0).to_string()} y1={T.to_string()} y2={T.to_string()} class="line" />
                <text x={(x + 24.0).to_string()} y={(T + 4.0).to_string()}>{ s.label.clone() }</text>
            </g>
        }
    });
    html! {
        <svg class={classes!("chart", "step", narrow.then_some("narrow"))} viewBox={format!("0 0 {w} {H}")} role="img" aria-label={props.title.clone()}
            preserveAspectRatio="xMidYMid meet">
            <title>{ props.title.clone() }</title>
            { for y_ticks.iter().enumerate().map(|(i, y)| html! {
                <g class={classes!("tick", (i % 2 == 1).then_some("odd"))}>
                    <line x1={L.to_string()} x2={(w - R).to_string()} y1={format!("{:.1}", py(*y))} y2={format!("{:.1}", py(*y))} />
                    <text x={(L - 6.0).to_string()} y={format!("{:.1}", py(*y) + 4.0)} text-anchor="end">{ format!("{y}") }</text>
                </g>
            }) }
            { for x_ticks.iter().enumerate().map(|(i, x)| html! {
                <text class={classes!("tick", (i % 2 == 1).then_some("odd"))} x={format!("{:.1}", px(*x))} y={(H - B + 16.0).to_string()} text-anchor="middle">{ format!("{x}") }</text>
            }) }
            <text class="axis-label" x={((L + w - R) / 2.0).to_string()} y={(H - 4.0).to_string()} text-anchor="middle">{ props.x_label.clone() }</text>
            { for lines }
            { for legend }
        </svg>
    }
}
