#pragma once

// Private to core (torch types): a TransferNet written as a graph (core/graph), for export and
// for running its frozen parts the fastest way.

#include "core/graph/fastest_forward.h"
#include "core/graph/network_graph.h"
#include "core/training/transfer_net.h"

namespace tstudio::training {

/**
 * net's eval-mode forward, backbone and head, written into graph and marked as its output.
 * graph's parameters are net.stateDict() or the exported dict (torchvisionLayout's): the head's
 * final Linear is "head.fc" where the dict has it, else the backbone's own final layer. Call only
 * where graph::hasGraph(net.info()). Throws std::invalid_argument where the dict lacks a key.
 */
void describeTransferNet(graph::NetworkGraph& graph, const TransferNet& net);

/**
 * The forward of net's frozen prefix up to cut (TransferNet::forwardPrefix) for the prefix
 * cache: a FastestForward where the prefix is the whole backbone with its pooling and the
 * architecture has a graph, else the eager prefix. net must outlive it and stay frozen (eval
 * mode) up to cut while it is used.
 */
graph::FastestForward prefixForward(TransferNet& net, CutPoint cut);

/** The whole network's eval forward (TransferNet::forward), the fastest way: for a trained
    bundle's predictions. net must outlive it and not change. */
graph::FastestForward networkForward(TransferNet& net);

} // namespace tstudio::training
