//! The bar chart the payout panels share (inline SVG, table view beside it).

use super::*;
use yew::prelude::*;
/// Horizontal bars, one per label; negative values extend left of the axis.
/// Drawn in units of the width the chart gets on screen (see
/// [`chart_width`]), so on a phone the bars fill the width and the names
/// and amounts keep their CSS size instead of shrinking to ~6 px.
pub(super) fn bars(title: &str, items: &[(String, f64)], cents: bool, testid: &str) -> Html {
    let max = items.iter().map(|i| i.1.abs()).fold(0.0, f64::max).max(1.0);
    let any_neg = items.iter().any(|i| i.1 < 0.0);
    let w = crate::ui::components::chart::chart_width();
    let narrow = w < 500.0;
    // Room for a name (6 characters on a phone, 8 otherwise) and an amount.
    let (row_h, label_w, value_w, chars) = if narrow {
        (22.0, 72.0, 74.0, 6)
    } else {
        (18.0, 84.0, 90.0, 8)
    };
    let h = row_h * items.len() as f64 + 8.0;
    let span = if any_neg {
        (w - label_w - value_w) / 2.0
    } else {
        w - label_w - value_w
    };
    let axis = if any_neg { label_w + span } else { label_w };
    let text_dy = row_h / 2.0 + 4.0;
    html! {
        <svg class={classes!("chart", "bars", narrow.then_some("narrow"))} viewBox={format!("0 0 {w} {h}")} role="img" aria-label={title.to_string()} data-testid={testid.to_string()}>
            <title>{ title.to_string() }</title>
            <line class="axis" x1={axis.to_string()} x2={axis.to_string()} y1="0" y2={h.to_string()} />
            { for items.iter().enumerate().map(|(i, (label, v))| {
                let y = 4.0 + i as f64 * row_h;
                let len = v.abs() / max * span;
                let x = if *v < 0.0 { axis - len } else { axis };
                html! { <g>
                    <text class="tick" x={(label_w - 6.0).to_string()} y={format!("{:.1}", y + text_dy)} text-anchor="end">{ short(label, chars) }</text>
                    <rect class={classes!("bar", (*v < 0.0).then_some("neg"))} x={format!("{x:.1}")} y={format!("{:.1}", y + 2.0)} width={format!("{len:.1}")} height={format!("{:.1}", row_h - 5.0)} />
                    <text class="tick" x={format!("{:.1}", if *v < 0.0 { axis + 4.0 } else { axis + len + 4.0 })} y={format!("{:.1}", y + text_dy)}>{ if any_neg { signed_money(*v, cents) } else { money(*v, cents) } }</text>
                </g> }
            }) }
        </svg>
    }
}

/// `label` cut to `n` characters, with an ellipsis when cut (the full name
/// is in the table view and the chart's rows keep their order).
fn short(label: &str, n: usize) -> String {
    if label.chars().count() <= n {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(n.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// How many agents the bar charts draw (the table lists everyone).
pub(super) const CHART_ROWS: usize = 40;
